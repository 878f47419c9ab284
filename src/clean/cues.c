/* Cue phrases for the line classifier. Phrases are matched on the lower-cased
 * line at word boundaries; a leading '^' anchors a phrase at the line start.
 * Only kinds of debris, never a particular site's wording. */
#include "cues.h"

#include <pthread.h>
#include <string.h>

typedef struct cue {
    pcl_cue_kind kind;
    const char *phrase;
} cue;

static const cue CUES[] = {
    /* promotion, subscription, donation, paywall */
    {CUE_PROMO, "subscribe"}, {CUE_PROMO, "subscription"}, {CUE_PROMO, "subscriber"},
    {CUE_PROMO, "newsletter"}, {CUE_PROMO, "sign up"}, {CUE_PROMO, "signup"},
    {CUE_PROMO, "register to"}, {CUE_PROMO, "please register"}, {CUE_PROMO, "register now"},
    {CUE_PROMO, "full access"}, {CUE_PROMO, "articles this month"}, {CUE_PROMO, "free articles"},
    {CUE_PROMO, "continue reading"}, {CUE_PROMO, "donate"}, {CUE_PROMO, "donating"},
    {CUE_PROMO, "donation"}, {CUE_PROMO, "consider helping"}, {CUE_PROMO, "support us"},
    {CUE_PROMO, "support our"}, {CUE_PROMO, "supporting us"}, {CUE_PROMO, "help us"},
    {CUE_PROMO, "helping us"}, {CUE_PROMO, "your support"}, {CUE_PROMO, "readers like you"},
    {CUE_PROMO, "contribution"}, {CUE_PROMO, "join our"}, {CUE_PROMO, "whatsapp group"},
    {CUE_PROMO, "telegram channel"}, {CUE_PROMO, "download our app"}, {CUE_PROMO, "get the app"},
    {CUE_PROMO, "advertisement"}, {CUE_PROMO, "sponsored"}, {CUE_PROMO, "premium"},
    {CUE_PROMO, "log in"}, {CUE_PROMO, "login"}, {CUE_PROMO, "sign in"}, {CUE_PROMO, "your inbox"},
    {CUE_PROMO, "special offer"}, {CUE_PROMO, "buy now"}, {CUE_PROMO, "in den warenkorb"},
    {CUE_PROMO, "add to cart"}, {CUE_PROMO, "loyal"}, {CUE_PROMO, "paywall"},
    {CUE_PROMO, "abonnieren"}, {CUE_PROMO, "abonnement"}, {CUE_PROMO, "abonnent"},
    {CUE_PROMO, "jetzt abo"}, {CUE_PROMO, "abo "}, {CUE_PROMO, "^abo"}, {CUE_PROMO, "anmelden"},
    {CUE_PROMO, "registrieren"}, {CUE_PROMO, "einloggen"}, {CUE_PROMO, "spenden"},
    {CUE_PROMO, "spende"}, {CUE_PROMO, "unterstützen sie"}, {CUE_PROMO, "jetzt unterstützen"},
    {CUE_PROMO, "anzeige"}, {CUE_PROMO, "werbung"}, {CUE_PROMO, "gutschein"},
    {CUE_PROMO, "jetzt bestellen"}, {CUE_PROMO, "jetzt kaufen"}, {CUE_PROMO, "warenkorb"},
    {CUE_PROMO, "versandkostenfrei"}, {CUE_PROMO, "inkl. mwst"}, {CUE_PROMO, "zzgl."},
    {CUE_PROMO, "weiterlesen"}, {CUE_PROMO, "read more"}, {CUE_PROMO, "mehr lesen"},
    {CUE_PROMO, "mehr erfahren"}, {CUE_PROMO, "learn more"}, {CUE_PROMO, "click here"},
    {CUE_PROMO, "hier klicken"}, {CUE_PROMO, "kostenlos testen"}, {CUE_PROMO, "free trial"},
    /* social and sharing */
    {CUE_SOCIAL, "share"}, {CUE_SOCIAL, "shares"}, {CUE_SOCIAL, "tweet"}, {CUE_SOCIAL, "twittern"},
    {CUE_SOCIAL, "facebook"}, {CUE_SOCIAL, "twitter"}, {CUE_SOCIAL, "whatsapp"},
    {CUE_SOCIAL, "instagram"}, {CUE_SOCIAL, "pinterest"}, {CUE_SOCIAL, "linkedin"},
    {CUE_SOCIAL, "youtube"}, {CUE_SOCIAL, "xing"}, {CUE_SOCIAL, "telegram"}, {CUE_SOCIAL, "reddit"},
    {CUE_SOCIAL, "e-mail"}, {CUE_SOCIAL, "email"}, {CUE_SOCIAL, "like this"}, {CUE_SOCIAL, "follow us"},
    {CUE_SOCIAL, "teilen"}, {CUE_SOCIAL, "folgen sie uns"}, {CUE_SOCIAL, "gefällt mir"},
    {CUE_SOCIAL, "drucken"}, {CUE_SOCIAL, "^print"}, {CUE_SOCIAL, "rss"}, {CUE_SOCIAL, "kommentare"},
    {CUE_SOCIAL, "comments"}, {CUE_SOCIAL, "comment"}, {CUE_SOCIAL, "kommentar"},
    {CUE_SOCIAL, "leave a reply"}, {CUE_SOCIAL, "antworten"}, {CUE_SOCIAL, "reply"},
    /* legal, cookies, copyright */
    {CUE_LEGAL, "cookie"}, {CUE_LEGAL, "cookies"}, {CUE_LEGAL, "privacy"}, {CUE_LEGAL, "datenschutz"},
    {CUE_LEGAL, "datenschutzerklärung"}, {CUE_LEGAL, "impressum"}, {CUE_LEGAL, "terms of use"},
    {CUE_LEGAL, "terms of service"}, {CUE_LEGAL, "terms and conditions"}, {CUE_LEGAL, "agb"},
    {CUE_LEGAL, "nutzungsbedingungen"}, {CUE_LEGAL, "all rights reserved"},
    {CUE_LEGAL, "alle rechte vorbehalten"}, {CUE_LEGAL, "copyright"}, {CUE_LEGAL, "©"},
    {CUE_LEGAL, "disclaimer"}, {CUE_LEGAL, "haftungsausschluss"}, {CUE_LEGAL, "imprint"},
    {CUE_LEGAL, "accept"}, {CUE_LEGAL, "akzeptieren"}, {CUE_LEGAL, "einwilligung"},
    {CUE_LEGAL, "consent"}, {CUE_LEGAL, "tracking"},
    /* related-story teasers */
    {CUE_TEASER, "read also"}, {CUE_TEASER, "^also read"}, {CUE_TEASER, "see also"},
    {CUE_TEASER, "related"}, {CUE_TEASER, "recommended"}, {CUE_TEASER, "you may also like"},
    {CUE_TEASER, "you might also like"}, {CUE_TEASER, "most read"}, {CUE_TEASER, "most popular"},
    {CUE_TEASER, "trending"}, {CUE_TEASER, "more from"}, {CUE_TEASER, "more on this"},
    {CUE_TEASER, "more stories"}, {CUE_TEASER, "^read:"}, {CUE_TEASER, "^read more:"},
    {CUE_TEASER, "lesen sie auch"}, {CUE_TEASER, "lesen sie mehr"}, {CUE_TEASER, "auch interessant"},
    {CUE_TEASER, "mehr zum thema"}, {CUE_TEASER, "das könnte sie auch interessieren"},
    {CUE_TEASER, "meistgelesen"}, {CUE_TEASER, "ähnliche artikel"}, {CUE_TEASER, "verwandte"},
    {CUE_TEASER, "^siehe auch"}, {CUE_TEASER, "^mehr:"}, {CUE_TEASER, "^lesen sie"},
    {CUE_TEASER, "^lea también"}, {CUE_TEASER, "^lea más"}, {CUE_TEASER, "^lea:"},
    {CUE_TEASER, "^lire aussi"}, {CUE_TEASER, "^à lire"}, {CUE_TEASER, "^leggi anche"},
    {CUE_TEASER, "^te puede interesar"}, {CUE_TEASER, "^previous"}, {CUE_TEASER, "^next"},
    {CUE_TEASER, "^vorheriger"}, {CUE_TEASER, "^nächster"}, {CUE_TEASER, "^older posts"},
    {CUE_TEASER, "^newer posts"}, {CUE_TEASER, "^zurück"}, {CUE_TEASER, "^weiter"},
    /* navigation */
    {CUE_NAV, "skip to"}, {CUE_NAV, "zum inhalt"}, {CUE_NAV, "springen"}, {CUE_NAV, "navigation"},
    {CUE_NAV, "accessibility"}, {CUE_NAV, "breaking news"}, {CUE_NAV, "^menu"}, {CUE_NAV, "^menü"},
    {CUE_NAV, "^home"}, {CUE_NAV, "^startseite"}, {CUE_NAV, "^search"}, {CUE_NAV, "^suche"},
    {CUE_NAV, "^topics"}, {CUE_NAV, "^themen"}, {CUE_NAV, "^kontakt"}, {CUE_NAV, "^contact"},
    {CUE_NAV, "^about us"}, {CUE_NAV, "^über uns"}, {CUE_NAV, "sitemap"}, {CUE_NAV, "^top"},
    {CUE_NAV, "^nach oben"}, {CUE_NAV, "back to top"}, {CUE_NAV, "^tags"}, {CUE_NAV, "^schlagworte"},
    {CUE_NAV, "^schlagwörter"}, {CUE_NAV, "^kategorie"}, {CUE_NAV, "^category"}, {CUE_NAV, "^archiv"},
    {CUE_NAV, "^archive"}, {CUE_NAV, "^filed under"}, {CUE_NAV, "^posted in"}, {CUE_NAV, "^veröffentlicht in"},
    {CUE_NAV, "^du bist hier"}, {CUE_NAV, "^sie sind hier"}, {CUE_NAV, "^you are here"},
    {CUE_NAV, "^update desk"}, {CUE_NAV, "^newsroom"}, {CUE_NAV, "^redaktion"},
    /* credits */
    {CUE_CREDIT, "^photo:"}, {CUE_CREDIT, "^photo by"}, {CUE_CREDIT, "^photos:"}, {CUE_CREDIT, "credit:"},
    {CUE_CREDIT, "^image:"}, {CUE_CREDIT, "^foto:"}, {CUE_CREDIT, "^fotos:"}, {CUE_CREDIT, "^bild:"},
    {CUE_CREDIT, "^quelle:"}, {CUE_CREDIT, "^source:"}, {CUE_CREDIT, "getty images"},
    {CUE_CREDIT, "associated press"}, {CUE_CREDIT, "reuters"}, {CUE_CREDIT, "afp"},
    {CUE_CREDIT, "dpa"}, {CUE_CREDIT, "epa"}, {CUE_CREDIT, "imago"}, {CUE_CREDIT, "picture alliance"},
    {CUE_CREDIT, "picture-alliance"}, {CUE_CREDIT, "shutterstock"}, {CUE_CREDIT, "istock"},
    {CUE_CREDIT, "wikimedia commons"}, {CUE_CREDIT, "ap photo"}, {CUE_CREDIT, "/ap"},
    {CUE_CREDIT, "^(ap)"}, {CUE_CREDIT, "keystone"}, {CUE_CREDIT, "xinhua"},
    /* sections that follow the article (whole-line headers) */
    {CUE_END, "^comments"}, {CUE_END, "^kommentare"}, {CUE_END, "leave a reply"},
    {CUE_END, "leave a comment"}, {CUE_END, "^post a comment"}, {CUE_END, "^add a comment"},
    {CUE_END, "schreibe einen kommentar"}, {CUE_END, "kommentar verfassen"},
    {CUE_END, "kommentar schreiben"}, {CUE_END, "hinterlasse einen kommentar"},
    {CUE_END, "hinterlasse eine antwort"}, {CUE_END, "^antwort hinterlassen"},
    {CUE_END, "^ähnliche beiträge"}, {CUE_END, "^ähnliche artikel"}, {CUE_END, "^verwandte artikel"},
    {CUE_END, "^related posts"}, {CUE_END, "^related articles"}, {CUE_END, "^related stories"},
    {CUE_END, "^related content"}, {CUE_END, "you may also like"}, {CUE_END, "you might also like"},
    {CUE_END, "dir könnte auch gefallen"}, {CUE_END, "das könnte sie auch interessieren"},
    {CUE_END, "das könnte dich auch interessieren"}, {CUE_END, "könnte dich auch interessieren"},
    {CUE_END, "^weitere artikel"}, {CUE_END, "^weitere beiträge"}, {CUE_END, "^mehr artikel"},
    {CUE_END, "^more stories"}, {CUE_END, "^more articles"}, {CUE_END, "^most read"},
    {CUE_END, "^meistgelesen"}, {CUE_END, "^most popular"}, {CUE_END, "^recommended for you"},
    {CUE_END, "^empfehlungen"}, {CUE_END, "^auch interessant"}, {CUE_END, "^mehr zum thema"},
    {CUE_END, "^das könnte sie auch"}, {CUE_END, "^lesen sie mehr zum thema"},
    {CUE_END, "könnte dir auch gefallen"}, {CUE_END, "könnte ihnen auch gefallen"},
    {CUE_END, "könnte sie auch interessieren"}, {CUE_END, "^keep reading"}, {CUE_END, "^read next"},
    {CUE_END, "^up next"}, {CUE_END, "^weitere themen"}, {CUE_END, "^latest news"},
    {CUE_END, "^neueste beiträge"}, {CUE_END, "^neueste artikel"}, {CUE_END, "^aktuelle beiträge"},
    {CUE_END, "^letzte beiträge"}, {CUE_END, "^neue beiträge"}, {CUE_END, "^recent posts"},
    {CUE_END, "^popular posts"}, {CUE_END, "^beliebte beiträge"}, {CUE_END, "^die beliebtesten"},
    {CUE_END, "^top stories"}, {CUE_END, "^about the author"}, {CUE_END, "^über den autor"},
    {CUE_END, "^über die autorin"}, {CUE_END, "^zur person"}, {CUE_END, "^more from"},
    {CUE_END, "^mehr aus"}, {CUE_END, "^mehr von"}, {CUE_END, "^redaktionstipp"},
    {CUE_END, "^weiterführende links"}, {CUE_END, "^verwandte themen"}, {CUE_END, "^trending"},
    {CUE_END, "^related"}, {CUE_END, "^das könnte dich"}, {CUE_END, "^you may also"},
    {CUE_END, "^more in"}, {CUE_END, "^more on"}, {CUE_END, "^mehr zu"},
    {CUE_END, "^share this"}, {CUE_END, "^diesen beitrag teilen"}, {CUE_END, "^artikel teilen"},
    {CUE_END, "^teile diesen"}, {CUE_END, "^share on"}, {CUE_END, "^leserkommentare"},
    {CUE_END, "^kommentar abgeben"}, {CUE_END, "^join the discussion"}, {CUE_END, "^discussion"},
    {CUE_SOCIAL, "kommentare deaktiviert"}, {CUE_SOCIAL, "comments off"},
    {CUE_END, "^pingback"}, {CUE_END, "^trackback"}, {CUE_END, "weitere interessante"},
    {CUE_END, "^interessante themen"}, {CUE_END, "^themen des artikels"}, {CUE_END, "^mehr zum artikel"},
    /* tags and categories under a blog post */
    {CUE_NAV, "dieser beitrag wurde"}, {CUE_NAV, "veröffentlicht in"}, {CUE_NAV, "gekennzeichnet mit"},
    {CUE_NAV, "this entry was posted"}, {CUE_NAV, "posted in"}, {CUE_NAV, "tagged"},
    {CUE_NAV, "permalink"}, {CUE_NAV, "^kategorien"}, {CUE_NAV, "^categories"},
    {CUE_NAV, "^schlagwörter"}, {CUE_NAV, "^stichwörter"}, {CUE_NAV, "^themen:"},
    {CUE_LEGAL, "creative commons"}, {CUE_LEGAL, "lizenz"}, {CUE_LEGAL, "license"},
    {CUE_LEGAL, "licensed under"}, {CUE_LEGAL, "haftungshinweis"}, {CUE_LEGAL, "haftung"},
    {CUE_PROMO, "provision"}, {CUE_PROMO, "affiliate"}, {CUE_PROMO, "partnerlink"},
    {CUE_END, "^responses to"}, {CUE_END, "^kommentare zu"}, {CUE_END, "^explore further"},
    {CUE_END, "^vorschau auf den nächsten"}, {CUE_TEASER, "nächster artikel"},
    {CUE_TEASER, "vorheriger artikel"}, {CUE_TEASER, "next article"}, {CUE_TEASER, "previous article"},
    {CUE_TEASER, "lire aussi"}, {CUE_TEASER, "auf einer seite lesen"}, {CUE_TEASER, "read on one page"},
    {CUE_NAV, "listen to this article"}, {CUE_NAV, "listen to this story"},
    {CUE_NAV, "listen to article"}, {CUE_NAV, "^listen now"}, {CUE_NAV, "audio version"},
    {CUE_NAV, "artikel anhören"}, {CUE_NAV, "beitrag anhören"}, {CUE_NAV, "min listen"},
    {CUE_NAV, "min read"}, {CUE_NAV, "minute read"}, {CUE_NAV, "minutes read"}, {CUE_NAV, "lesezeit"},
    {CUE_NAV, "zum vergrößern"}, {CUE_NAV, "bild vergrößern"}, {CUE_NAV, "click to enlarge"}, {CUE_NAV, "click to expand"}, {CUE_NAV, "tap to expand"},
    {CUE_NAV, "der beitrag wurde am"}, {CUE_NAV, "^erstellt am"}, {CUE_NAV, "design von"},
    {CUE_NAV, "theme by"}, {CUE_NAV, "powered by"}, {CUE_NAV, "proudly powered"},
    {CUE_NAV, "betrieben mit"}, {CUE_CREDIT, "photograph by"}, {CUE_CREDIT, "photograph:"},
    {CUE_CREDIT, "^files"}, {CUE_CREDIT, "reuters files"}, {CUE_CREDIT, "file photo"},
    /* the same furniture in Polish, French, Spanish, Italian and Dutch */
    {CUE_SOCIAL, "udostępnij"}, {CUE_SOCIAL, "partager"}, {CUE_SOCIAL, "compartir"},
    {CUE_SOCIAL, "condividi"}, {CUE_SOCIAL, "delen"}, {CUE_SOCIAL, "^drukuj"},
    {CUE_SOCIAL, "^imprimer"}, {CUE_SOCIAL, "^imprimir"}, {CUE_SOCIAL, "^stampa"},
    {CUE_TEASER, "zobacz także"}, {CUE_TEASER, "zobacz też"}, {CUE_TEASER, "czytaj więcej"},
    {CUE_TEASER, "czytaj także"}, {CUE_TEASER, "czytaj też"}, {CUE_TEASER, "dowiedz się więcej"},
    {CUE_TEASER, "inne artykuły"}, {CUE_TEASER, "voir aussi"}, {CUE_TEASER, "en savoir plus"},
    {CUE_TEASER, "ver también"}, {CUE_TEASER, "leer más"}, {CUE_TEASER, "leggi di più"},
    {CUE_TEASER, "lees ook"}, {CUE_TEASER, "lees meer"},
    {CUE_END, "^komentarze"}, {CUE_END, "^commentaires"}, {CUE_END, "^comentarios"},
    {CUE_END, "^commenti"}, {CUE_END, "^reacties"},
    {CUE_LEGAL, "pliki cookies"}, {CUE_LEGAL, "polityka prywatności"},
    {CUE_LEGAL, "wszelkie prawa zastrzeżone"}, {CUE_LEGAL, "tous droits réservés"},
    {CUE_LEGAL, "politique de confidentialité"}, {CUE_LEGAL, "todos los derechos reservados"},
    {CUE_LEGAL, "política de privacidad"}, {CUE_LEGAL, "tutti i diritti riservati"},
    {CUE_LEGAL, "alle rechten voorbehouden"},
    {CUE_PROMO, "^reklama"}, {CUE_PROMO, "^publicité"}, {CUE_PROMO, "^publicidad"},
    {CUE_PROMO, "^pubblicità"}, {CUE_PROMO, "abonnez-vous"}, {CUE_PROMO, "suscríbete"},
    {CUE_PROMO, "iscriviti"}, {CUE_PROMO, "subskrypcj"}, {CUE_PROMO, "prenumerat"},
    {CUE_CREDIT, "^fot."}, {CUE_CREDIT, "^zdjęcie"}, {CUE_CREDIT, "^kuva:"},
    /* comment forms and other furniture */
    {CUE_SOCIAL, "benachrichtige mich"}, {CUE_SOCIAL, "erforderliche felder"},
    {CUE_SOCIAL, "required fields"}, {CUE_SOCIAL, "notify me"}, {CUE_SOCIAL, "will not be published"},
    {CUE_SOCIAL, "wird nicht veröffentlicht"}, {CUE_NAV, "^beitragsbild"}, {CUE_NAV, "^featured image"},
    {CUE_TEASER, "ähnliche beiträge"},
    /* more section headers after an article, and inline teasers, in the
     * languages of the pages users paste (German, English, Spanish, French,
     * Portuguese) */
    {CUE_END, "^weitere inhalte"},
    {CUE_END, "^für dich empfohlen"}, {CUE_END, "^für sie empfohlen"}, {CUE_END, "^empfohlene artikel"},
    {CUE_END, "^meist gelesen"}, {CUE_END, "^meistgelesene"}, {CUE_END, "^am meisten gelesen"},
    {CUE_END, "^lies auch"}, {CUE_END, "^auch lesen"}, {CUE_END, "^passend dazu"}, {CUE_END, "^dazu passend"},
    {CUE_END, "^ebenfalls interessant"}, {CUE_END, "^das thema könnte"}, {CUE_END, "^zur startseite"},
    {CUE_END, "^lust auf mehr"},
    {CUE_END, "^author"}, {CUE_END, "^authors"}, {CUE_END, "^autor"}, {CUE_END, "^autorin"},
    {CUE_END, "^zum autor"}, {CUE_END, "^zur autorin"}, {CUE_END, "^der autor"}, {CUE_END, "^die autorin"},
    {CUE_END, "^about the authors"}, {CUE_END, "^about us"}, {CUE_END, "^über uns"},
    {CUE_END, "^pour approfondir"}, {CUE_END, "^sur le même sujet"}, {CUE_END, "^à lire aussi"},
    {CUE_END, "^dans la même rubrique"}, {CUE_END, "^temas relacionados"},
    {CUE_END, "^noticias relacionadas"}, {CUE_END, "^más noticias"}, {CUE_END, "^más sobre"},
    {CUE_END, "^te puede interesar"}, {CUE_END, "^le puede interesar"}, {CUE_END, "^video recomendado"},
    {CUE_END, "^recomendado"}, {CUE_END, "^recomendados"}, {CUE_END, "^notícias relacionadas"},
    {CUE_END, "^veja também"}, {CUE_END, "^leia também"}, {CUE_END, "^mais lidas"},
    {CUE_END, "^you might be interested"}, {CUE_END, "^you may be interested"},
    {CUE_END, "^further reading"}, {CUE_END, "^more information"}, {CUE_END, "^related topics"},
    {CUE_TEASER, "^le puede interesar"}, {CUE_TEASER, "^te puede interesar"}, {CUE_TEASER, "^vea también"},
    {CUE_TEASER, "^lea también"}, {CUE_TEASER, "^lee también"}, {CUE_TEASER, "^mira también"},
    {CUE_TEASER, "^puede interesarte"}, {CUE_TEASER, "^veja também"}, {CUE_TEASER, "^leia também"},
    {CUE_TEASER, "^leia mais"}, {CUE_TEASER, "^lies auch"}, {CUE_TEASER, "^auch lesen"},
    {CUE_TEASER, "^lesetipp"}, {CUE_TEASER, "^tipp der redaktion"}, {CUE_TEASER, "^ebenfalls lesenswert"},
    /* browser and notification notices, e-mail sign-up forms */
    {CUE_LEGAL, "javascript"}, {CUE_LEGAL, "your browser"}, {CUE_LEGAL, "ihr browser"},
    {CUE_LEGAL, "ihrem browser"}, {CUE_LEGAL, "browser version"}, {CUE_LEGAL, "browserversion"},
    {CUE_PROMO, "e-mail-adresse"}, {CUE_PROMO, "email address"}, {CUE_PROMO, "e-mail address"},
    {CUE_PROMO, "benachrichtigung"}, {CUE_PROMO, "notifications"}, {CUE_PROMO, "push-mitteilung"},
    /* bylines */
    {CUE_BYLINE, "^by "}, {CUE_BYLINE, "| by "}, {CUE_BYLINE, "^von "}, {CUE_BYLINE, "^author:"},
    {CUE_BYLINE, "^autor:"}, {CUE_BYLINE, "^autorin:"}, {CUE_BYLINE, "^written by"},
    {CUE_BYLINE, "^text:"}, {CUE_BYLINE, "^posted by"}, {CUE_BYLINE, "^geschrieben von"},
    {CUE_BYLINE, "^ein beitrag von"}, {CUE_BYLINE, "^reporting by"}, {CUE_BYLINE, "^editing by"},
    {CUE_BYLINE, "^por "},
};

/* Letters, digits and every byte of a non-ASCII character (filled once by
 * build_index). */
static unsigned char WORD_CHAR[256];

static inline bool word_char(unsigned char c) { return WORD_CHAR[c]; }

/* Counts letters and digits of s[0..n). */
static size_t alnum_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (word_char(c) && !(c >= 0x80 && c < 0xC0)) k++; /* count each UTF-8 char once */
    }
    return k;
}

/* Phrases bucketed by first byte, built once (pthread_once: contexts may run
 * on several threads). */
typedef struct cue_ref {
    const char *phrase; /* without the '^' */
    unsigned short len, alnum; /* bytes; letters and digits */
    unsigned char kind, anchored;
} cue_ref;

#define N_CUES (sizeof CUES / sizeof *CUES)
#define N_SLOTS 65536 /* buckets by the first two bytes of a phrase */
static cue_ref g_refs[N_CUES];
static unsigned short g_slot_start[N_SLOTS + 1];
static unsigned char g_first[256]; /* bytes some phrase starts with */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static inline unsigned slot_of(unsigned char a, unsigned char b)
{
    return (unsigned)a << 8 | (unsigned)b;
}

static void build_index(void)
{
    for (unsigned c = 0; c < 256; c++)
        WORD_CHAR[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    static unsigned short count[N_SLOTS];
    for (size_t i = 0; i < N_CUES; i++) {
        const char *ph = CUES[i].phrase + (CUES[i].phrase[0] == '^');
        count[slot_of((unsigned char)ph[0], (unsigned char)ph[1])]++;
    }
    unsigned short pos = 0;
    for (unsigned b = 0; b < N_SLOTS; b++) {
        g_slot_start[b] = pos;
        pos = (unsigned short)(pos + count[b]);
    }
    g_slot_start[N_SLOTS] = pos;
    static unsigned short fill[N_SLOTS];
    memcpy(fill, g_slot_start, sizeof fill);
    for (size_t i = 0; i < N_CUES; i++) {
        bool anchored = CUES[i].phrase[0] == '^';
        const char *ph = CUES[i].phrase + anchored;
        cue_ref *r = &g_refs[fill[slot_of((unsigned char)ph[0], (unsigned char)ph[1])]++];
        r->phrase = ph;
        r->len = (unsigned short)strlen(ph);
        r->alnum = (unsigned short)alnum_count(ph, r->len);
        r->kind = (unsigned char)CUES[i].kind;
        r->anchored = anchored;
        g_first[(unsigned char)ph[0]] = 1;
    }
}

/* The byte at s[i] lower-cased as lower() would: ASCII capitals and the
 * second byte of Ä Ö Ü. */
static inline unsigned char fold_at(const unsigned char *s, size_t i)
{
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z') return (unsigned char)(c + 32);
    if (c >= 0x80 && i > 0 && s[i - 1] == 0xC3 && (c == 0x84 || c == 0x96 || c == 0x9C))
        return (unsigned char)(c + 0x20);
    return c;
}

void pcl_find_cues(const char *text, size_t len, pcl_cues *out)
{
    pthread_once(&g_once, build_index);
    memset(out, 0, sizeof *out);
    /* Cues sit in short lines or at the start of long ones: look at 2 KiB.
     * Bytes are lower-cased as they are compared, not copied. */
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < 2048 ? len : 2048;
    size_t total = (size_t)-1; /* letters and digits of the line, counted on the first hit */
    bool seen_word = false;    /* for anchored phrases: only the first word counts */
    bool prev_wc = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        bool wc = word_char(c);
        if (wc && prev_wc) continue; /* inside a word */
        prev_wc = wc;
        if (c == ' ') continue;
        c = fold_at(s, i);
        if (!g_first[c]) {
            if (wc) seen_word = true;
            continue;
        }
        unsigned slot = slot_of(c, i + 1 < n ? fold_at(s, i + 1) : 0);
        unsigned b0 = g_slot_start[slot], b1 = g_slot_start[slot + 1];
        for (unsigned k = b0; k < b1; k++) {
            const cue_ref *r = &g_refs[k];
            if (r->anchored && seen_word) continue;
            if (i + r->len > n || fold_at(s, i + r->len - 1) != (unsigned char)r->phrase[r->len - 1])
                continue;
            size_t j = 2; /* the bucket matched the first two bytes */
            while (j < r->len && fold_at(s, i + j) == (unsigned char)r->phrase[j]) j++;
            if (j < r->len) continue;
            size_t e = i + r->len;
            if (e < n && word_char(s[e]) && word_char((unsigned char)r->phrase[r->len - 1])) continue;
            if (!out->hits[r->kind]) out->first[r->kind] = r->phrase;
            out->hits[r->kind]++;
            if (total == (size_t)-1) total = alnum_count(text, n);
            if (total <= (size_t)r->alnum + 2) out->whole[r->kind] = true;
        }
        if (wc) seen_word = true;
    }
}
