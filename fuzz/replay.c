/* Replay driver: feeds every file in the given directories (or files) to
 * LLVMFuzzerTestOneInput, so `make test` runs each fuzz corpus without libFuzzer.
 * Prints "ok - replay N inputs" when nothing crashed. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, n;
    uint8_t chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n > cap) {
            cap = (len + n) * 2;
            uint8_t *p = realloc(buf, cap);
            if (!p) break;
            buf = p;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    /* in a buffer of exactly its size, as libFuzzer gives it: under ASan a
     * read past the input's end is caught here too */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact) {
        if (len) memcpy(exact, buf, len);
        LLVMFuzzerTestOneInput(exact, len);
    }
    free(exact);
    free(buf);
    return 1;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) continue;
        if (!S_ISDIR(sb.st_mode)) {
            count += (size_t)replay_file(argv[i]);
            continue;
        }
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            count += (size_t)replay_file(path);
        }
        if (d) closedir(d);
    }
    /* Also the empty input and a run of junk bytes, always. */
    LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
    printf("ok - replay %zu corpus inputs\n", count);
    return 0;
}
