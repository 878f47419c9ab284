#!/usr/bin/env python3
"""Writes a WARC.gz of the trafilatura benchmark pages repeated REPEATS times
(one gzip member per response record), for bench/warc.sh.
usage: bench/warc_make.py PAGES_DIR OUT.warc.gz REPEATS"""
import glob
import gzip
import os
import sys

pages_dir, out_path, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = [gzip.open(p).read() for p in sorted(glob.glob(os.path.join(pages_dir, '*.gz')))]
with open(out_path, 'wb') as out:
    n = 0
    for r in range(reps):
        for i, html in enumerate(pages):
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                    % len(html)) + html
            head = ("WARC/1.0\r\nWARC-Type: response\r\n"
                    "WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"
                    "WARC-Target-URI: http://example.test/%d/%d\r\n"
                    "Content-Type: application/http; msgtype=response\r\n"
                    "Content-Length: %d\r\n\r\n" % (n, r, i, len(http))).encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=1))
            n += 1
