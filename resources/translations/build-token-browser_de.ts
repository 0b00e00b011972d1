<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Build Token Browser</source>
        <translation>Über Build Token Browser</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build Token Browser %1&lt;/h3&gt;&lt;p&gt;Browse the build tokens of Cloudflare Workers Builds.&lt;/p&gt;&lt;p&gt;Secrets stay in the system keychain (or in memory, if you choose so) and are sent only to the profile&apos;s API base URL.&lt;/p&gt;&lt;p&gt;MIT licence · &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt %3 · QtKeychain %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Build Token Browser %1&lt;/h3&gt;&lt;p&gt;Durchsucht die Build-Token von Cloudflare Workers Builds.&lt;/p&gt;&lt;p&gt;Geheimnisse bleiben im Schlüsselbund des Systems (oder auf Wunsch nur im Arbeitsspeicher) und werden nur an die API-Basis-URL des Profils gesendet.&lt;/p&gt;&lt;p&gt;MIT-Lizenz · &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt %3 · QtKeychain %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <source>Account ID (32 hex digits), or pick one</source>
        <translation>Konto-ID (32 Hex-Ziffern) oder wählen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Clear the account</source>
        <translation>Konto leeren</translation>
    </message>
</context>
<context>
    <name>AccountsService</name>
    <message>
        <source>The account list did not end after %1 pages; stopped there.</source>
        <translation>Die Kontenliste war nach %1 Seiten noch nicht zu Ende; dort wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Profile…</source>
        <translation>&amp;Neues Profil …</translation>
    </message>
    <message>
        <source>Add a profile: credentials kept in the keychain</source>
        <translation>Ein Profil hinzufügen: die Zugangsdaten bleiben im Schlüsselbund</translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation>Profil bearbei&amp;ten …</translation>
    </message>
    <message>
        <source>Change, test or remove the current profile</source>
        <translation>Das aktuelle Profil ändern, testen oder entfernen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Save the selected rows, or all rows shown, as CSV, JSON or NDJSON</source>
        <translation>Die ausgewählten oder alle angezeigten Zeilen als CSV, JSON oder NDJSON speichern</translation>
    </message>
    <message>
        <source>&amp;Load First Page</source>
        <translation>Erste Seite &amp;laden</translation>
    </message>
    <message>
        <source>Load the first page of the account&apos;s build tokens</source>
        <translation>Die erste Seite der Build-Token des Kontos laden</translation>
    </message>
    <message>
        <source>Load All Page&amp;s</source>
        <translation>&amp;Alle Seiten laden</translation>
    </message>
    <message>
        <source>Load every page of the account into one table, to sort, filter and export them all</source>
        <translation>Alle Seiten des Kontos in eine Tabelle laden, um sie alle zu sortieren, zu filtern und zu exportieren</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Ne&amp;u laden</translation>
    </message>
    <message>
        <source>Load the page shown, or all pages, again</source>
        <translation>Die angezeigte Seite oder alle Seiten erneut laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Build Token Browser</source>
        <translation>Build Token Browser beenden</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text mit Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select every row shown</source>
        <translation>Alle angezeigten Zeilen auswählen</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern …</translation>
    </message>
    <message>
        <source>Show only the rows that contain some text</source>
        <translation>Nur die Zeilen anzeigen, die einen bestimmten Text enthalten</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation>Zur ersten Seite gehen</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation>Zur vorherigen Seite gehen</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation>Zur nächsten Seite gehen</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation>Zur letzten Seite gehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the request in progress</source>
        <translation>Die laufende Anfrage abbrechen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Set the transfer timeout and how many pages Load All Pages asks for at once</source>
        <translation>Das Zeitlimit der Übertragung festlegen und wie viele Seiten „Alle Seiten laden“ gleichzeitig anfragt</translation>
    </message>
    <message>
        <source>&amp;Details Pane</source>
        <translation>&amp;Detailbereich</translation>
    </message>
    <message>
        <source>Show or hide the fields of the current token beside the table</source>
        <translation>Die Felder des aktuellen Tokens neben der Tabelle anzeigen oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About Build Token Browser</source>
        <translation>Ü&amp;ber Build Token Browser</translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation>Die Version anzeigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Check &amp;Health</source>
        <translation>&amp;Zustand prüfen</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>Open the user guide in the web browser</source>
        <translation>Die Anleitung im Webbrowser öffnen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Show the version and licence of Qt</source>
        <translation>Version und Lizenz von Qt anzeigen</translation>
    </message>
    <message>
        <source>Ask Cloudflare whether each build token&apos;s API token is still active (needs “API Tokens Read”)</source>
        <translation>Cloudflare fragen, ob das API-Token hinter jedem Build-Token noch aktiv ist (braucht „API Tokens Read“)</translation>
    </message>
    <message>
        <source>Scan &amp;Usage…</source>
        <translation>&amp;Verwendung ermitteln …</translation>
    </message>
    <message>
        <source>Find which Workers&apos; build triggers use each build token (a request per Worker that uses Builds)</source>
        <translation>Ermitteln, welche Build-Trigger welcher Worker jedes Build-Token verwenden (eine Anfrage je Worker mit Builds)</translation>
    </message>
</context>
<context>
    <name>ActiveProfile</name>
    <message>
        <source>The secret of profile “%1” could not be read</source>
        <translation>Das Geheimnis des Profils „%1“ konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The keychain has no secret for it.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis dafür.</translation>
    </message>
    <message>
        <source>Edit the profile to enter it again; you can keep it for this session only.</source>
        <translation>Bearbeiten Sie das Profil, um es erneut einzugeben; Sie können es auch nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>AllPagesJob</name>
    <message>
        <source>Requests at once must be from %1 to %2, not %3.</source>
        <translation>Gleichzeitige Anfragen müssen zwischen %1 und %2 liegen, nicht %3.</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>Cloudflare&apos;s rate limit would hold this request for more than %1 s; try again later.</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>Die Ratenbegrenzung von Cloudflare würde diese Anfrage länger als %1 s zurückhalten; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Waiting for Cloudflare&apos;s rate limit.</source>
        <translation>Warten auf die Ratenbegrenzung von Cloudflare.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts.</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben.</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 Gave up after %n attempts.</source>
        <extracomment>%1 says what went wrong on the last attempt</extracomment>
        <translation>
            <numerusform>%1 Nach %n Versuch aufgegeben.</numerusform>
            <numerusform>%1 Nach %n Versuchen aufgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The response from %1 is larger than %2 MiB; it was cut off there.</source>
        <translation>Die Antwort von %1 ist größer als %2 MiB; sie wurde dort abgeschnitten.</translation>
    </message>
    <message>
        <source>The response from %1 came compressed (%2) and did not unpack within %3 MiB: it unpacks to far more than a page of tokens (a compression bomb), or it is corrupt. Nothing was loaded.</source>
        <extracomment>%1 is a host name, %2 a compression such as gzip, %3 a number of MiB</extracomment>
        <translation>Die Antwort von %1 kam komprimiert (%2) und ließ sich nicht innerhalb von %3 MiB entpacken: Sie entpackt sich zu weit mehr als einer Seite Token (eine Kompressionsbombe) oder ist beschädigt. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <source>%1 was still sending after %2 s; the answer was given up.</source>
        <translation>%1 sendete nach %2 s immer noch; auf die Antwort wurde verzichtet.</translation>
    </message>
    <message>
        <source>No complete answer from %1 before the transfer timeout.</source>
        <translation>Keine vollständige Antwort von %1 vor Ablauf des Übertragungs-Zeitlimits.</translation>
    </message>
    <message>
        <source>%1 redirected the request to another origin; it was not followed so that the credentials stay with %1.</source>
        <translation>%1 hat die Anfrage an einen anderen Ursprung umgeleitet; der Umleitung wurde nicht gefolgt, damit die Zugangsdaten bei %1 bleiben.</translation>
    </message>
    <message>
        <source>%1 redirected the request again and again (a redirect loop); it was given up.</source>
        <translation>%1 hat die Anfrage immer wieder umgeleitet (eine Umleitungsschleife); es wurde aufgegeben.</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password: put them in https_proxy (http://user:password@proxy:port), or ask your network&apos;s administrator.</source>
        <translation>Der Proxy verlangt einen Benutzernamen und ein Passwort: Tragen Sie sie in https_proxy ein (http://benutzer:passwort@proxy:port) oder fragen Sie die Administration Ihres Netzwerks.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a host name, %2 what Qt says went wrong</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The API base URL “%1” is not a valid URL.</source>
        <translation>Die API-Basis-URL „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The API base URL may not contain a user name, a query or a fragment.</source>
        <translation>Die API-Basis-URL darf keinen Benutzernamen, keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>Plain http:// would send the credentials unencrypted; it is allowed only for a local test server (localhost, 127.0.0.1). Use https://.</source>
        <translation>Einfaches http:// würde die Zugangsdaten unverschlüsselt senden; es ist nur für einen lokalen Testserver (localhost, 127.0.0.1) erlaubt. Verwenden Sie https://.</translation>
    </message>
    <message>
        <source>The API base URL must start with https://.</source>
        <translation>Die API-Basis-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Enter an API token.</source>
        <translation>Geben Sie ein API-Token ein.</translation>
    </message>
    <message>
        <source>Enter the account email and the Global API Key.</source>
        <translation>Geben Sie die E-Mail-Adresse des Kontos und den globalen API-Schlüssel ein.</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Request not sent</source>
        <translation>Anfrage nicht gesendet</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The request timed out</source>
        <translation>Zeitüberschreitung der Anfrage</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Redirect to another site refused</source>
        <translation>Umleitung zu einer anderen Website abgelehnt</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Rate limited by Cloudflare</source>
        <translation>Von Cloudflare gedrosselt</translation>
    </message>
    <message>
        <source>Cloudflare server error</source>
        <translation>Serverfehler bei Cloudflare</translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>Cloudflare reported an error</source>
        <translation>Cloudflare hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <extracomment>%1 is one of the summaries above, e.g. &quot;Authentication failed&quot;; %2 an HTTP status such as 401</extracomment>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Use a user API token with the “Workers CI Read” permission; the Builds API rejects account-owned tokens. With a Global API Key, check the email and the key.</source>
        <translation>Verwenden Sie ein Benutzer-API-Token mit der Berechtigung „Workers CI Read“; die Builds-API lehnt kontoeigene Token ab. Prüfen Sie bei einem globalen API-Schlüssel die E-Mail-Adresse und den Schlüssel.</translation>
    </message>
    <message>
        <source>Check the account ID: it is the 32-character ID shown on the account&apos;s overview page in the Cloudflare dashboard.</source>
        <translation>Prüfen Sie die Konto-ID: Es ist die 32-stellige ID, die im Cloudflare-Dashboard auf der Übersichtsseite des Kontos steht.</translation>
    </message>
    <message>
        <source>Cloudflare allows 1,200 requests per 5 minutes per user. Try again in %1 s.</source>
        <translation>Cloudflare erlaubt 1.200 Anfragen pro 5 Minuten und Benutzer. Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Cloudflare allows 1,200 requests per 5 minutes per user. Wait a few minutes and try again.</source>
        <translation>Cloudflare erlaubt 1.200 Anfragen pro 5 Minuten und Benutzer. Warten Sie einige Minuten und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the network connection, the proxy settings and the API base URL.</source>
        <translation>Prüfen Sie die Netzwerkverbindung, die Proxy-Einstellungen und die API-Basis-URL.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the connection and try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted. A proxy that inspects TLS may be in the way.</source>
        <translation>Das Zertifikat des Servers wurde nicht akzeptiert. Möglicherweise ist ein Proxy im Weg, der TLS untersucht.</translation>
    </message>
    <message>
        <source>The answer was not Cloudflare&apos;s API envelope. A proxy, a captive portal or a wrong API base URL may be in the way.</source>
        <translation>Die Antwort war nicht der API-Umschlag von Cloudflare. Möglicherweise sind ein Proxy, ein Captive Portal oder eine falsche API-Basis-URL im Weg.</translation>
    </message>
    <message>
        <source>Cloudflare had a problem answering. Try again shortly.</source>
        <translation>Cloudflare hatte ein Problem beim Antworten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a Cloudflare error code, %2 its message (in English, as Cloudflare sends it)</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>BrowserSession</name>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation>
            <numerusform>%1 Token</numerusform>
            <numerusform>%1 Token</numerusform>
        </translation>
    </message>
    <message>
        <source>No tokens loaded</source>
        <translation>Keine Token geladen</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>%1 on this page</source>
        <translation>%1 auf dieser Seite</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the page, then how many tokens</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>All pages: %1 of %2 loaded</source>
        <translation>Alle Seiten: %1 von %2 geladen</translation>
    </message>
    <message>
        <source>All pages: %1 loaded</source>
        <translation>Alle Seiten: %1 geladen</translation>
    </message>
    <message>
        <source>All pages</source>
        <translation>Alle Seiten</translation>
    </message>
    <message>
        <source>All pages: stopped after %1 of %2</source>
        <translation>Alle Seiten: angehalten nach %1 von %2</translation>
    </message>
    <message>
        <source>All pages: stopped after %1</source>
        <translation>Alle Seiten: angehalten nach %1</translation>
    </message>
</context>
<context>
    <name>BuildTokensService</name>
    <message>
        <source>Enter an account ID.</source>
        <translation>Geben Sie eine Konto-ID ein.</translation>
    </message>
    <message>
        <source>The account ID may only contain letters, digits, “-” and “_” (Cloudflare&apos;s are 32 hex digits).</source>
        <translation>Die Konto-ID darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten (die von Cloudflare bestehen aus 32 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>Page %1 does not exist: pages start at 1.</source>
        <translation>Seite %1 gibt es nicht: Die Seiten beginnen bei 1.</translation>
    </message>
    <message>
        <source>Rows per page must be from %1 to %2, not %3.</source>
        <translation>Die Zeilen pro Seite müssen zwischen %1 und %2 liegen, nicht %3.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Exit codes:
  0  success
  1  any other API error (HTTP 5xx, a rejected request, success:false)
  2  usage error (nothing was sent)
  3  authentication failed (HTTP 401/403, a missing or invalid credential)
  4  not found (HTTP 404, or error 7003: check the account id)
  5  rate limited (HTTP 429)
  6  network error (no connection, timeout, TLS, a redirect to another origin)
  7  malformed response (not Cloudflare&apos;s JSON envelope)
  8  keychain error (no Secret Service, locked, or no secret stored for the profile)
  9  the --output file could not be written (nothing was left there)
</source>
        <extracomment>Keep the numbers and the alignment; they are the exit codes scripts test for.</extracomment>
        <translation>Exit-Codes:
  0  Erfolg
  1  ein anderer API-Fehler (HTTP 5xx, eine abgelehnte Anfrage, success:false)
  2  Fehler im Aufruf (es wurde nichts gesendet)
  3  Authentifizierung fehlgeschlagen (HTTP 401/403, Zugangsdaten fehlen/ungültig)
  4  nicht gefunden (HTTP 404 oder Fehler 7003: Konto-ID prüfen)
  5  von Cloudflare gedrosselt (HTTP 429)
  6  Netzwerkfehler (keine Verbindung, Zeitlimit, TLS, Umleitung auf anderen Ursprung)
  7  fehlerhafte Antwort (nicht der JSON-Umschlag von Cloudflare)
  8  Schlüsselbund-Fehler (kein Secret Service, gesperrt, kein Geheimnis zum Profil)
  9  die Datei für --output ließ sich nicht schreiben (es blieb nichts zurück)
</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <extracomment>%1 is an option name such as per-page</extracomment>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <source>Read and write settings in FILE (INI) instead of the app&apos;s own.</source>
        <translation>Einstellungen in DATEI (INI) statt in denen der App lesen und schreiben.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>A value&apos;s name in --help (--settings &lt;FILE&gt;); the descriptions name it too</extracomment>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (default 8788; 0 picks a free one).</source>
        <translation>Der Port auf 127.0.0.1 (Standard 8788; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>How many build tokens the account has (default 300).</source>
        <translation>Wie viele Build-Token das Konto hat (Standard 300).</translation>
    </message>
    <message>
        <source>Delay before each answer, in milliseconds (default 0).</source>
        <translation>Verzögerung vor jeder Antwort in Millisekunden (Standard 0).</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1:%1 (is the port in use?)</source>
        <translation>kann nicht auf 127.0.0.1:%1 lauschen (ist der Port belegt?)</translation>
    </message>
    <message numerus="yes">
        <source>Demo Cloudflare API with %n build tokens. Try:</source>
        <translation>
            <numerusform>Demo-Cloudflare-API mit %n Build-Token. Zum Ausprobieren:</numerusform>
            <numerusform>Demo-Cloudflare-API mit %n Build-Token. Zum Ausprobieren:</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation>Beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>The account id (else CLOUDFLARE_ACCOUNT_ID, else the profile&apos;s).</source>
        <translation>Die Konto-ID (sonst CLOUDFLARE_ACCOUNT_ID, sonst die des Profils).</translation>
    </message>
    <message>
        <source>Use this profile&apos;s account, API base and keychain secret. CLOUDFLARE_* credentials in the environment still win.</source>
        <translation>Konto, API-Basis und Schlüsselbund-Geheimnis dieses Profils verwenden. CLOUDFLARE_*-Zugangsdaten in der Umgebung haben weiterhin Vorrang.</translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>A value&apos;s name in --help (--profile &lt;NAME&gt;); the messages name it too
----------
The headers of the table of profiles, for people (capitals as the token table&apos;s)</extracomment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The page to print (default 1).</source>
        <translation>Die auszugebende Seite (Standard 1).</translation>
    </message>
    <message>
        <source>Tokens per page, 1 to 200 (default 50).</source>
        <translation>Token pro Seite, 1 bis 200 (Standard 50).</translation>
    </message>
    <message>
        <source>table (default), csv, json or ndjson: the app&apos;s export writers.</source>
        <translation>table (Standard), csv, json oder ndjson: die Export-Formate der App.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <extracomment>A value&apos;s name in --help (--format &lt;FORMAT&gt;)</extracomment>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Write to FILE (atomically: all or nothing) instead of standard output.</source>
        <translation>In DATEI schreiben (atomar: alles oder nichts) statt in die Standardausgabe.</translation>
    </message>
    <message>
        <source>Keep only the tokens with TEXT in any field, any case (as the app&apos;s filter).</source>
        <translation>Nur die Token behalten, die TEXT in irgendeinem Feld enthalten, ohne Rücksicht auf Groß- und Kleinschreibung (wie der Filter der App).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <extracomment>A value&apos;s name in --help (--filter &lt;TEXT&gt;); the description names it too</extracomment>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>With csv: start with a UTF-8 byte order mark, for Excel.</source>
        <translation>Mit csv: mit einer UTF-8-Bytereihenfolge-Markierung (BOM) beginnen, für Excel.</translation>
    </message>
    <message>
        <source>The API base URL (default %1).</source>
        <translation>Die API-Basis-URL (Standard %1).</translation>
    </message>
    <message>
        <source>Transfer timeout in seconds (default 30).</source>
        <translation>Übertragungs-Zeitlimit in Sekunden (Standard 30).</translation>
    </message>
    <message>
        <source>Every page, 200 a page, several at once; rows are written as they come.</source>
        <translation>Alle Seiten, 200 pro Seite, mehrere gleichzeitig; die Zeilen werden geschrieben, sobald sie eintreffen.</translation>
    </message>
    <message>
        <source>With --all: pages asked for at once, %1 to %2 (default %3).</source>
        <translation>Mit --all: gleichzeitig angefragte Seiten, %1 bis %2 (Standard %3).</translation>
    </message>
    <message>
        <source>--page must be a whole number of at least 1.</source>
        <translation>--page muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>--all reads every page, 200 a page: leave out --page and --per-page.</source>
        <translation>--all liest alle Seiten mit 200 pro Seite: Lassen Sie --page und --per-page weg.</translation>
    </message>
    <message>
        <source>--concurrency goes with --all.</source>
        <translation>--concurrency gehört zu --all.</translation>
    </message>
    <message>
        <source>--format must be table, csv, json or ndjson, not “%1”.</source>
        <translation>--format muss table, csv, json oder ndjson sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--excel goes with --format csv.</source>
        <translation>--excel gehört zu --format csv.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>No profile named “%1”; &apos;build-tokens profiles list&apos; shows them.</source>
        <translation>Kein Profil namens „%1“; &apos;build-tokens profiles list&apos; zeigt sie an.</translation>
    </message>
    <message>
        <source>--account ID is required (or set CLOUDFLARE_ACCOUNT_ID, or use a profile with an account).</source>
        <translation>--account ID ist erforderlich (oder setzen Sie CLOUDFLARE_ACCOUNT_ID oder verwenden Sie ein Profil mit Konto).</translation>
    </message>
    <message>
        <source>From the environment: %1</source>
        <translation>Aus der Umgebung: %1</translation>
    </message>
    <message>
        <source>Set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY, or use --profile NAME.</source>
        <translation>Setzen Sie CLOUDFLARE_API_TOKEN oder CLOUDFLARE_EMAIL und CLOUDFLARE_API_KEY, oder verwenden Sie --profile NAME.</translation>
    </message>
    <message>
        <source>%1 shown after the filter</source>
        <translation>%1 nach dem Filter angezeigt</translation>
    </message>
    <message>
        <source>written to %1</source>
        <translation>geschrieben in %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were fetched before the error; nothing was written to %2.</source>
        <translation>
            <numerusform>%1 Token wurde vor dem Fehler abgerufen; in %2 wurde nichts geschrieben.</numerusform>
            <numerusform>%1 Token wurden vor dem Fehler abgerufen; in %2 wurde nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were written before the error.</source>
        <translation>
            <numerusform>%1 Token wurde vor dem Fehler geschrieben.</numerusform>
            <numerusform>%1 Token wurden vor dem Fehler geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>All pages (%1) · %2</source>
        <translation>Alle Seiten (%1) · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation>
            <numerusform>%1 Token</numerusform>
            <numerusform>%1 Token</numerusform>
        </translation>
    </message>
    <message>
        <source>No secret is stored for profile “%1”; store it again with &apos;build-tokens profiles add %1&apos;.</source>
        <translation>Für das Profil „%1“ ist kein Geheimnis gespeichert; speichern Sie es erneut mit &apos;build-tokens profiles add %1&apos;.</translation>
    </message>
    <message>
        <source>the spaces around the secret were left out.</source>
        <translation>die Leerzeichen um das Geheimnis wurden weggelassen.</translation>
    </message>
    <message>
        <source>(Cloudflare)</source>
        <translation>(Cloudflare)</translation>
    </message>
    <message>
        <source>No profiles yet. Add one with: build-tokens profiles add NAME</source>
        <translation>Noch keine Profile. Fügen Sie eines hinzu mit: build-tokens profiles add NAME</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>ANMELDUNG</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <source>API BASE</source>
        <translation>API-BASIS</translation>
    </message>
    <message>
        <source>add: token (an API token, default) or key (email and Global API Key).</source>
        <translation>add: token (ein API-Token, Standard) oder key (E-Mail-Adresse und globaler API-Schlüssel).</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <extracomment>A value&apos;s name in --help (--auth &lt;SCHEME&gt;)</extracomment>
        <translation>VERFAHREN</translation>
    </message>
    <message>
        <source>add: the account email, for --auth key.</source>
        <translation>add: die E-Mail-Adresse des Kontos, für --auth key.</translation>
    </message>
    <message>
        <source>add: the default account id.</source>
        <translation>add: die Standard-Konto-ID.</translation>
    </message>
    <message>
        <source>add: an API base URL other than Cloudflare&apos;s.</source>
        <translation>add: eine andere API-Basis-URL als die von Cloudflare.</translation>
    </message>
    <message>
        <source>action</source>
        <extracomment>The name of the argument after &quot;profiles&quot; in --help&apos;s usage line</extracomment>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>list, add NAME (the secret comes from standard input) or remove NAME</source>
        <translation>list, add NAME (das Geheimnis kommt von der Standardeingabe) oder remove NAME</translation>
    </message>
    <message>
        <source>Say &apos;profiles list&apos;, &apos;profiles add NAME&apos; or &apos;profiles remove NAME&apos;.</source>
        <translation>Geben Sie &apos;profiles list&apos;, &apos;profiles add NAME&apos; oder &apos;profiles remove NAME&apos; an.</translation>
    </message>
    <message>
        <source>No profile named “%1”.</source>
        <translation>Kein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Removed profile “%1” and its keychain entry.</source>
        <translation>Profil „%1“ und sein Schlüsselbund-Eintrag wurden entfernt.</translation>
    </message>
    <message>
        <source>Removed profile “%1”, but not its keychain entry: %2</source>
        <translation>Profil „%1“ wurde entfernt, sein Schlüsselbund-Eintrag aber nicht: %2</translation>
    </message>
    <message>
        <source>--auth must be token or key.</source>
        <translation>--auth muss token oder key sein.</translation>
    </message>
    <message>
        <source>--auth key needs --email.</source>
        <translation>--auth key braucht --email.</translation>
    </message>
    <message>
        <source>API token for “%1”: </source>
        <translation>API-Token für „%1“: </translation>
    </message>
    <message>
        <source>Global API Key for “%1”: </source>
        <translation>Globaler API-Schlüssel für „%1“: </translation>
    </message>
    <message>
        <source>No secret on standard input: pipe it in, e.g. from your password manager.</source>
        <translation>Kein Geheimnis auf der Standardeingabe: Übergeben Sie es per Pipe, z. B. aus Ihrem Passwortmanager.</translation>
    </message>
    <message>
        <source>Saved profile “%1”; its secret is in the keychain.</source>
        <translation>Profil „%1“ gespeichert; sein Geheimnis liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>command</source>
        <extracomment>The name of the first argument in --help&apos;s usage line</extracomment>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Add each token&apos;s health (active, disabled, expired, revoked, missing or unknown), its API token&apos;s status, expiry and last use; needs “API Tokens Read”. Rows are written once every page and the check are in.</source>
        <translation>Fügt den Zustand jedes Tokens hinzu (aktiv, deaktiviert, abgelaufen, widerrufen, fehlt oder unbekannt), Status, Ablauf und letzte Nutzung seines API-Tokens; braucht „API Tokens Read“. Die Zeilen werden geschrieben, sobald alle Seiten und die Prüfung da sind.</translation>
    </message>
    <message>
        <source>every health is unknown: the credentials may not read API tokens. Add “%1” to the API token (Cloudflare dashboard: My Profile → API Tokens → Edit).</source>
        <translation>jeder Zustand ist unbekannt: Die Zugangsdaten dürfen keine API-Token lesen. Fügen Sie dem API-Token „%1“ hinzu (Cloudflare-Dashboard: My Profile → API Tokens → Edit).</translation>
    </message>
    <message>
        <source>the health check failed, every health is unknown: %1</source>
        <translation>die Zustandsprüfung ist fehlgeschlagen, jeder Zustand ist unbekannt: %1</translation>
    </message>
    <message>
        <source>Add used_by: the Workers&apos; live build triggers that use each token, as “worker/trigger”. It costs a request per Worker that uses Builds; rows are written once it is done.</source>
        <translation>Fügt used_by hinzu: die aktiven Build-Trigger der Worker, die jedes Token verwenden, als „worker/trigger“. Kostet eine Anfrage je Worker mit Builds; die Zeilen werden geschrieben, sobald die Suche fertig ist.</translation>
    </message>
    <message>
        <source>the usage scan failed, used_by is null: %1</source>
        <translation>die Verwendungssuche ist fehlgeschlagen, used_by ist null: %1</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Versuchen Sie &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>List the demo account, answered inside this program (no network, no credentials): the app&apos;s --demo data.</source>
        <translation>Das Demo-Konto auflisten, beantwortet in diesem Programm (kein Netzwerk, keine Zugangsdaten): die Daten von --demo der App.</translation>
    </message>
    <message>
        <source>With --demo: how many build tokens the demo account has (default 300).</source>
        <translation>Mit --demo: wie viele Build-Token das Demo-Konto hat (Standard 300).</translation>
    </message>
    <message>
        <source>--demo-tokens goes with --demo.</source>
        <translation>--demo-tokens gehört zu --demo.</translation>
    </message>
    <message>
        <source>--demo lists the demo&apos;s own account: leave out --profile and --api-base.</source>
        <translation>--demo listet das eigene Konto der Demo auf: Lassen Sie --profile und --api-base weg.</translation>
    </message>
    <message>
        <source>List the build tokens of Cloudflare Workers Builds.

Commands:
  list          print one page, or every page (--all), of an account&apos;s build tokens
  profiles      list, add or remove the profiles the app shares (secrets in the keychain)

&apos;build-tokens list --demo&apos; lists demo data, answered inside the program.

Credentials come from CLOUDFLARE_API_TOKEN (a user API token with Workers CI Read),
or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (Global API Key), or a profile (--profile).

</source>
        <extracomment>Keep the command and variable names; align the descriptions of the commands</extracomment>
        <translation>Listet die Build-Token von Cloudflare Workers Builds auf.

Befehle:
  list          eine Seite oder alle Seiten (--all) der Build-Token eines Kontos
                ausgeben
  profiles      die Profile der App auflisten, hinzufügen oder entfernen
                (Geheimnisse im Schlüsselbund)

&apos;build-tokens list --demo&apos; listet Demodaten auf, beantwortet im Programm selbst.

Die Zugangsdaten kommen aus CLOUDFLARE_API_TOKEN (ein Benutzer-API-Token mit
Workers CI Read), aus CLOUDFLARE_EMAIL und CLOUDFLARE_API_KEY (globaler
API-Schlüssel) oder aus einem Profil (--profile).

</translation>
    </message>
    <message>
        <source>list or profiles</source>
        <translation>list oder profiles</translation>
    </message>
    <message>
        <source>Name a command: list or profiles.</source>
        <translation>Nennen Sie einen Befehl: list oder profiles.</translation>
    </message>
    <message>
        <source>A fake Cloudflare API on 127.0.0.1 to try build-tokens against, for developers.

It links Qt HttpServer, which is licensed under the GPL-3 only, so this program is GPL-3 and is not installed with the app.</source>
        <translation>Eine nachgebildete Cloudflare-API auf 127.0.0.1, um build-tokens daran auszuprobieren, für Entwickler.

Es bindet Qt HttpServer ein, das nur unter der GPL-3 lizenziert ist; daher steht dieses Programm unter der GPL-3 und wird nicht mit der App installiert.</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>Bearbei&amp;ten …</translation>
    </message>
    <message>
        <source>Change this profile&apos;s secret, account or API base URL, test it, or remove it</source>
        <translation>Geheimnis, Konto oder API-Basis-URL dieses Profils ändern, es testen oder entfernen</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <source>Add a profile (Ctrl+N)</source>
        <translation>Ein Profil hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Load the first page of the account&apos;s build tokens (Enter)</source>
        <translation>Die erste Seite der Build-Token des Kontos laden (Eingabetaste)</translation>
    </message>
    <message>
        <source>⚠ This profile uses a Global API Key, which can do anything your user can. An API token with only “Workers CI Read” is the safer choice.</source>
        <translation>⚠ Dieses Profil verwendet einen globalen API-Schlüssel, der alles kann, was Ihr Benutzer kann. Ein API-Token nur mit „Workers CI Read“ ist die sicherere Wahl.</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>The API token holds a line break or another control character. Copy it again from Cloudflare and paste it alone.</source>
        <translation>Das API-Token enthält einen Zeilenumbruch oder ein anderes Steuerzeichen. Kopieren Sie es erneut aus Cloudflare und fügen Sie es allein ein.</translation>
    </message>
    <message>
        <source>The email holds a line break or another control character.</source>
        <translation>Die E-Mail-Adresse enthält einen Zeilenumbruch oder ein anderes Steuerzeichen.</translation>
    </message>
    <message>
        <source>The Global API Key holds a line break or another control character. Copy it again from Cloudflare and paste it alone.</source>
        <translation>Der globale API-Schlüssel enthält einen Zeilenumbruch oder ein anderes Steuerzeichen. Kopieren Sie ihn erneut aus Cloudflare und fügen Sie ihn allein ein.</translation>
    </message>
</context>
<context>
    <name>Documentation</name>
    <message>
        <source>Opening the user guide in the web browser…</source>
        <translation>Die Anleitung wird im Webbrowser geöffnet …</translation>
    </message>
    <message>
        <source>No web browser opened the user guide; opening the installed copy…</source>
        <translation>Kein Webbrowser hat die Anleitung geöffnet; die installierte Kopie wird geöffnet …</translation>
    </message>
    <message>
        <source>Nothing could open the user guide: it is at %1 and in %2.</source>
        <translation>Die Anleitung ließ sich nicht öffnen: Sie steht unter %1 und in %2.</translation>
    </message>
    <message>
        <source>Nothing could open the user guide: it is at %1.</source>
        <translation>Die Anleitung ließ sich nicht öffnen: Sie steht unter %1.</translation>
    </message>
</context>
<context>
    <name>EnvelopeParser</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Field “%1” should be %2 but is %3.</source>
        <extracomment>%1 is a JSON field such as result[3].build_token_name; %2 and %3 are kinds of value such as &quot;a string&quot; or &quot;an array of accounts&quot; (each translated on its own in this context)</extracomment>
        <translation>Feld „%1“ sollte %2 sein, ist aber %3.</translation>
    </message>
    <message>
        <source>Field “%1” should be a whole number from 0 to 2^53 but is %2.</source>
        <translation>Feld „%1“ sollte eine ganze Zahl von 0 bis 2^53 sein, ist aber %2.</translation>
    </message>
    <message>
        <source>The page holds %1 items, but only %2 were asked for.</source>
        <translation>Die Seite enthält %1 Einträge, angefragt wurden aber nur %2.</translation>
    </message>
    <message>
        <source>an array of build tokens</source>
        <translation>ein Array von Build-Token</translation>
    </message>
    <message>
        <source>The response body is empty.</source>
        <translation>Der Antwortinhalt ist leer.</translation>
    </message>
    <message>
        <source>The response is an HTML or XML page, not JSON.</source>
        <translation>Die Antwort ist eine HTML- oder XML-Seite, kein JSON.</translation>
    </message>
    <message>
        <source>The response body is not valid UTF-8 at byte %1 of %2; it may be truncated or not JSON.</source>
        <translation>Der Antwortinhalt ist bei Byte %1 von %2 kein gültiges UTF-8; er ist möglicherweise abgeschnitten oder kein JSON.</translation>
    </message>
    <message>
        <source>The response body is not valid JSON (%1) at byte %2 of %3; it may be truncated or not JSON.</source>
        <extracomment>%1 is Qt&apos;s description of the JSON error</extracomment>
        <translation>Der Antwortinhalt ist kein gültiges JSON (%1) bei Byte %2 von %3; er ist möglicherweise abgeschnitten oder kein JSON.</translation>
    </message>
    <message>
        <source>The response is JSON but not Cloudflare&apos;s envelope: the top level is an array, not an object.</source>
        <translation>Die Antwort ist JSON, aber nicht der Umschlag von Cloudflare: Die oberste Ebene ist ein Array, kein Objekt.</translation>
    </message>
    <message>
        <source>The response is JSON but not Cloudflare&apos;s envelope: it has no “success” field.</source>
        <translation>Die Antwort ist JSON, aber nicht der Umschlag von Cloudflare: Sie hat kein Feld „success“.</translation>
    </message>
    <message>
        <source>an array of accounts</source>
        <translation>ein Array von Konten</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Verweigern</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>an array of API tokens</source>
        <translation>ein Array von API-Token</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenketten</translation>
    </message>
    <message>
        <source>an array of Workers</source>
        <translation>ein Array von Workers</translation>
    </message>
    <message>
        <source>an array of triggers</source>
        <translation>ein Array von Triggern</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Build Tokens</source>
        <translation>Build-Token exportieren</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>&amp;Ausgewählte Zeilen (%1)</translation>
    </message>
    <message>
        <source>All rows &amp;shown (%1)</source>
        <translation>Alle an&amp;gezeigten Zeilen (%1)</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>JSON (an array of objects)</source>
        <translation>JSON (ein Array von Objekten)</translation>
    </message>
    <message>
        <source>NDJSON (one object a line)</source>
        <translation>NDJSON (ein Objekt pro Zeile)</translation>
    </message>
    <message>
        <source>&amp;Excel-friendly (UTF-8 byte order mark)</source>
        <translation>&amp;Excel-freundlich (UTF-8-BOM)</translation>
    </message>
    <message>
        <source>Excel reads a CSV file as UTF-8 only when it starts with a byte order mark</source>
        <translation>Excel liest eine CSV-Datei nur dann als UTF-8, wenn sie mit einer Bytereihenfolge-Markierung (BOM) beginnt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen …</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Rows written</source>
        <translation>Geschriebene Zeilen</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>%1 exists. Press Export again to replace it.</source>
        <translation>%1 existiert bereits. Drücken Sie erneut auf „Exportieren“, um die Datei zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>%1 is a link another user made in a shared folder; choose the file itself.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 ist eine symbolische Verknüpfung, die ein anderer Benutzer in einem gemeinsamen Ordner angelegt hat; wählen Sie die Datei selbst.</translation>
    </message>
    <message>
        <source>%1 is a link to a file that does not exist; choose the file itself.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 ist eine symbolische Verknüpfung auf eine Datei, die es nicht gibt; wählen Sie die Datei selbst.</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>The export was canceled; nothing was written to %1.</source>
        <translation>Der Export wurde abgebrochen; in %1 wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter the rows shown (Ctrl+F): any column, any case</source>
        <translation>Die angezeigten Zeilen filtern (Strg+F): alle Spalten, ohne Rücksicht auf Groß- und Kleinschreibung</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>HealthChecker</name>
    <message>
        <source>No rows to check</source>
        <translation>Keine Zeilen zu prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Checking the health of %n API token(s)…</source>
        <translation>
            <numerusform>Der Zustand von %n API-Token wird geprüft …</numerusform>
            <numerusform>Der Zustand von %n API-Token wird geprüft …</numerusform>
        </translation>
    </message>
    <message>
        <source>The health check failed: %1</source>
        <extracomment>%1 is the error</extracomment>
        <translation>Die Zustandsprüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Health unknown: the credentials may not read API tokens. Add “%1” to the API token, then check again.</source>
        <extracomment>%1 is the permission&apos;s name</extracomment>
        <translation>Zustand unbekannt: Die Zugangsdaten dürfen keine API-Token lesen. Fügen Sie dem API-Token „%1“ hinzu und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>Health checked: every build token&apos;s API token is active</source>
        <translation>Zustand geprüft: Das API-Token jedes Build-Tokens ist aktiv</translation>
    </message>
    <message numerus="yes">
        <source>Health checked: %n build token(s) will break a build (sort by Health to see them)</source>
        <translation>
            <numerusform>Zustand geprüft: %n Build-Token lässt einen Build scheitern (nach Zustand sortieren, um es zu sehen)</numerusform>
            <numerusform>Zustand geprüft: %n Build-Token lassen einen Build scheitern (nach Zustand sortieren, um sie zu sehen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health checked: %n build token(s) will break a build, %1 unknown</source>
        <translation>
            <numerusform>Zustand geprüft: %n Build-Token lässt einen Build scheitern, %1 unbekannt</numerusform>
            <numerusform>Zustand geprüft: %n Build-Token lassen einen Build scheitern, %1 unbekannt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The system keychain could not be reached (%1). Start and unlock a Secret Service keyring (GNOME Keyring or KWallet; it starts with a desktop session, and needs a D-Bus session bus), or keep the secret for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht erreichbar (%1). Starten und entsperren Sie einen Secret-Service-Schlüsselbund (GNOME-Schlüsselbund oder KWallet; er startet mit einer Desktop-Sitzung und braucht einen D-Bus-Sitzungsbus), oder behalten Sie das Geheimnis nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain refused access (%1). Unlock the login keyring and allow %2 to use it, or keep the secret for this session only.</source>
        <extracomment>%1 is what the keychain said, %2 the application&apos;s name</extracomment>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (%1). Entsperren Sie den Anmelde-Schlüsselbund und erlauben Sie %2, ihn zu verwenden, oder behalten Sie das Geheimnis nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n seconds.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb einer Sekunde geantwortet.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>If it shows a prompt (to unlock or to create a keyring), answer it and try again; or keep the secret for this session only.</source>
        <translation>Falls er eine Abfrage zeigt (zum Entsperren oder zum Anlegen eines Schlüsselbunds), beantworten Sie sie und versuchen Sie es erneut; oder behalten Sie das Geheimnis nur für diese Sitzung.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Divider between the table and the details pane</source>
        <translation>Trennleiste zwischen der Tabelle und dem Detailbereich</translation>
    </message>
    <message>
        <source>Add a &amp;Cloudflare Profile…</source>
        <translation>&amp;Cloudflare-Profil hinzufügen …</translation>
    </message>
    <message>
        <source>An API token with “Workers CI Read”, kept in the system keychain</source>
        <translation>Ein API-Token mit „Workers CI Read“, im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>Explore &amp;Demo Data</source>
        <translation>Demodaten &amp;erkunden</translation>
    </message>
    <message>
        <source>Open the app again on a fake Cloudflare account, without any profile of yours</source>
        <translation>Die App auf einem nachgebildeten Cloudflare-Konto erneut öffnen, ohne eines Ihrer Profile</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Choose Another Acco&amp;unt</source>
        <translation>Anderes Konto &amp;wählen</translation>
    </message>
    <message>
        <source>Ed&amp;it Profile…</source>
        <translation>Profil bearbe&amp;iten …</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Noch kein Profil</translation>
    </message>
    <message>
        <source>Add a profile with File → New Profile… (Ctrl+N): an API token with “Workers CI Read” and an account ID.</source>
        <translation>Fügen Sie ein Profil hinzu über Datei → Neues Profil … (Strg+N): ein API-Token mit „Workers CI Read“ und eine Konto-ID.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>Den Fehler ausblenden</translation>
    </message>
</context>
<context>
    <name>PaginationBar</name>
    <message>
        <source>%1 of %2</source>
        <extracomment>Pages loaded of all pages, in the busy indicator of Load All Pages</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Type a page number and press Enter</source>
        <translation>Geben Sie eine Seitenzahl ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Zeilen pro Seite</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>G&amp;o to page</source>
        <translation>&amp;Seite</translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation>&amp;Zeilen pro Seite:</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation>Seite %1 wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages in all</source>
        <translation>
            <numerusform>%Ln Seite insgesamt</numerusform>
            <numerusform>%Ln Seiten insgesamt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Transfer &amp;timeout:</source>
        <translation>&amp;Zeitlimit der Übertragung:</translation>
    </message>
    <message>
        <source>Transfer timeout in seconds</source>
        <translation>Zeitlimit der Übertragung in Sekunden</translation>
    </message>
    <message numerus="yes">
        <source>A request that receives nothing for this long is sent again, %n attempts in all. A slow network or proxy may need more.</source>
        <translation>
            <numerusform>Eine Anfrage, die so lange nichts empfängt, wird erneut gesendet, insgesamt %n Versuch. Ein langsames Netzwerk oder ein Proxy braucht eventuell mehr.</numerusform>
            <numerusform>Eine Anfrage, die so lange nichts empfängt, wird erneut gesendet, insgesamt %n Versuche. Ein langsames Netzwerk oder ein Proxy braucht eventuell mehr.</numerusform>
        </translation>
    </message>
    <message>
        <source> s</source>
        <comment>after a number of seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Pages asked for at once:</source>
        <translation>&amp;Gleichzeitig angefragte Seiten:</translation>
    </message>
    <message>
        <source>Pages asked for at once</source>
        <translation>Gleichzeitig angefragte Seiten</translation>
    </message>
    <message>
        <source>Load All Pages asks for this many pages at the same time. Fewer is gentler on a slow connection and on Cloudflare&apos;s rate limit.</source>
        <translation>„Alle Seiten laden“ fragt so viele Seiten gleichzeitig an. Weniger schont eine langsame Verbindung und die Ratenbegrenzung von Cloudflare.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Enter a profile name.</source>
        <translation>Geben Sie einen Profilnamen ein.</translation>
    </message>
    <message>
        <source>A profile name may not start or end with a space.</source>
        <translation>Ein Profilname darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>A profile name may have at most 64 characters.</source>
        <translation>Ein Profilname darf höchstens 64 Zeichen haben.</translation>
    </message>
    <message>
        <source>A profile name may not contain “/”, “\” or control characters.</source>
        <translation>Ein Profilname darf weder „/“ noch „\“ noch Steuerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>A Global API Key can do anything your user can. An API token with only “Workers CI Read” is the safer choice.</source>
        <translation>Ein globaler API-Schlüssel kann alles, was Ihr Benutzer kann. Ein API-Token nur mit „Workers CI Read“ ist die sicherere Wahl.</translation>
    </message>
    <message>
        <source>Edit Profile “%1”</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New Profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation>z. B. Arbeit</translation>
    </message>
    <message>
        <source>API token (recommended)</source>
        <translation>API-Token (empfohlen)</translation>
    </message>
    <message>
        <source>Email and Global API Key</source>
        <translation>E-Mail-Adresse und globaler API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved; type a new one to replace it</source>
        <translation>Gespeichert; zum Ersetzen ein neues eingeben</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the secret as you type it</source>
        <translation>Das Geheimnis bei der Eingabe anzeigen</translation>
    </message>
    <message>
        <source>The spaces around the secret will be left out.</source>
        <translation>Die Leerzeichen um das Geheimnis werden weggelassen.</translation>
    </message>
    <message>
        <source>&amp;Fetch Accounts</source>
        <translation>Konten ab&amp;rufen</translation>
    </message>
    <message>
        <source>List the accounts these credentials can see</source>
        <translation>Die Konten auflisten, die diese Zugangsdaten sehen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Anmelden mit:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>Default &amp;account:</source>
        <translation>Standard-&amp;Konto:</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>API-&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Ask Cloudflare whether these credentials work</source>
        <translation>Cloudflare fragen, ob diese Zugangsdaten funktionieren</translation>
    </message>
    <message>
        <source>&amp;Remove Profile…</source>
        <translation>Profil ent&amp;fernen …</translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change: its keychain entry is named after it</source>
        <translation>Der Name eines Profils kann nicht geändert werden: Sein Schlüsselbund-Eintrag ist nach ihm benannt</translation>
    </message>
    <message>
        <source>Global API &amp;Key:</source>
        <translation>Globaler API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Your Global API Key is in the “API Keys” section of &lt;a href=&quot;%1&quot;&gt;Cloudflare&apos;s API Tokens page&lt;/a&gt;.</source>
        <translation>Ihren globalen API-Schlüssel finden Sie im Abschnitt „API-Schlüssel“ der &lt;a href=&quot;%1&quot;&gt;API-Token-Seite von Cloudflare&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Use a &lt;i&gt;user&lt;/i&gt; API token with the “Workers CI Read” permission; the Builds API rejects account-owned tokens. &lt;a href=&quot;%1&quot;&gt;Create one on Cloudflare&apos;s API Tokens page&lt;/a&gt;</source>
        <translation>Verwenden Sie ein &lt;i&gt;Benutzer&lt;/i&gt;-API-Token mit der Berechtigung „Workers CI Read“; die Builds-API lehnt kontoeigene Token ab. &lt;a href=&quot;%1&quot;&gt;Erstellen Sie eines auf der API-Token-Seite von Cloudflare&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A profile named “%1” exists already.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Enter the email of the Cloudflare user the Global API Key belongs to.</source>
        <translation>Geben Sie die E-Mail-Adresse des Cloudflare-Benutzers ein, zu dem der globale API-Schlüssel gehört.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile: enter it.</source>
        <translation>Für dieses Profil ist kein Geheimnis gespeichert: Geben Sie es ein.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Fetching accounts…</source>
        <translation>Konten werden abgerufen …</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts found.</source>
        <translation>
            <numerusform>%n Konto gefunden.</numerusform>
            <numerusform>%n Konten gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the Global API Key.</source>
        <translation>Geben Sie den globalen API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the API token.</source>
        <translation>Geben Sie das API-Token ein.</translation>
    </message>
    <message>
        <source>Saving the secret in the keychain… (Cancel stops waiting; the profile is then not saved)</source>
        <translation>Das Geheimnis wird im Schlüsselbund gespeichert … („Abbrechen“ beendet das Warten; das Profil wird dann nicht gespeichert)</translation>
    </message>
    <message>
        <source>Keychain Not Available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>The secret could not be saved in the keychain.</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <source>Use for This &amp;Session Only</source>
        <translation>Nur für diese &amp;Sitzung verwenden</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove profile “%1” and its secret from the keychain?</source>
        <translation>Profil „%1“ und sein Geheimnis aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Removing the secret from the keychain…</source>
        <translation>Das Geheimnis wird aus dem Schlüsselbund entfernt …</translation>
    </message>
    <message>
        <source>The profile is removed, but its keychain entry could not be: %1</source>
        <translation>Das Profil ist entfernt, sein Schlüsselbund-Eintrag aber nicht: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RetryCountdown</name>
    <message>
        <source>Rate limited by Cloudflare</source>
        <translation>Von Cloudflare gedrosselt</translation>
    </message>
    <message>
        <source>%1 (attempt %2 of %3)</source>
        <translation>%1 (Versuch %2 von %3)</translation>
    </message>
    <message>
        <source>Rate limited by Cloudflare: asked again</source>
        <translation>Von Cloudflare gedrosselt: erneut angefragt</translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3</source>
        <translation>%1: Versuch %2 von %3</translation>
    </message>
    <message>
        <source>%1, retrying in %2 s — Esc cancels</source>
        <translation>%1, neuer Versuch in %2 s – Esc bricht ab</translation>
    </message>
    <message>
        <source>%1, waiting %2 s — Esc cancels</source>
        <translation>%1, wartet seit %2 s – Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>SecretServiceProbe</name>
    <message>
        <source>there is no D-Bus session bus: %1</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus: %1</translation>
    </message>
    <message>
        <source>no Secret Service (org.freedesktop.secrets) is running on the D-Bus session bus, and none is installed to start there</source>
        <translation>auf dem D-Bus-Sitzungsbus läuft kein Secret Service (org.freedesktop.secrets), und keiner ist installiert, der dort starten könnte</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>The current row&apos;s menu</source>
        <translation>Menü der aktuellen Zeile</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>Den fokussierten Knopf drücken</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>TableAreaPresenter</name>
    <message>
        <source>(Esc stops waiting)</source>
        <translation>(Esc beendet das Warten)</translation>
    </message>
    <message>
        <source>Loaded all pages (%1) in %2 ms</source>
        <translation>Alle Seiten (%1) in %2 ms geladen</translation>
    </message>
    <message>
        <source>Loaded page %1 in %2 ms</source>
        <translation>Seite %1 in %2 ms geladen</translation>
    </message>
    <message>
        <source>To see your build tokens, add a profile with a Cloudflare API token (New Profile…, Ctrl+N), or look around on demo data first.</source>
        <translation>Um Ihre Build-Token zu sehen, fügen Sie ein Profil mit einem Cloudflare-API-Token hinzu (Neues Profil …, Strg+N) oder sehen Sie sich zuerst die Demodaten an.</translation>
    </message>
    <message>
        <source>Choose an account and press Load.</source>
        <translation>Wählen Sie ein Konto und drücken Sie „Laden“.</translation>
    </message>
    <message>
        <source>Loading build tokens…</source>
        <translation>Build-Token werden geladen …</translation>
    </message>
    <message>
        <source>This page is empty: it is past the last page.</source>
        <translation>Diese Seite ist leer: Sie liegt hinter der letzten Seite.</translation>
    </message>
    <message>
        <source>This account has no build tokens.</source>
        <translation>Dieses Konto hat keine Build-Token.</translation>
    </message>
    <message>
        <source>The build tokens could not be loaded: the message above says why.</source>
        <translation>Die Build-Token konnten nicht geladen werden: Die Meldung oben nennt den Grund.</translation>
    </message>
    <message>
        <source>Reading the secret of “%1” from the keychain…</source>
        <translation>Das Geheimnis von „%1“ wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Loading all pages… (Esc cancels and keeps the rows loaded so far)</source>
        <translation>Alle Seiten werden geladen … (Esc bricht ab und behält die bisher geladenen Zeilen)</translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation>Seite %1 wird geladen …</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>TokenCheck</name>
    <message>
        <source>Global API Key accepted</source>
        <translation>Globaler API-Schlüssel akzeptiert</translation>
    </message>
    <message>
        <source>This is an account-owned API token: the Builds API accepts only user API tokens. Create a user API token with Workers CI Read.</source>
        <translation>Dies ist ein kontoeigenes API-Token: Die Builds-API akzeptiert nur Benutzer-API-Token. Erstellen Sie ein Benutzer-API-Token mit Workers CI Read.</translation>
    </message>
    <message>
        <source>Active API token, expires %1</source>
        <translation>Aktives API-Token, läuft am %1 ab</translation>
    </message>
    <message>
        <source>Active API token, no expiry date</source>
        <translation>Aktives API-Token, ohne Ablaufdatum</translation>
    </message>
    <message>
        <source>Expired API token (expired on %1)</source>
        <translation>Abgelaufenes API-Token (abgelaufen am %1)</translation>
    </message>
    <message>
        <source>Expired API token</source>
        <translation>Abgelaufenes API-Token</translation>
    </message>
    <message>
        <source>Disabled API token</source>
        <translation>Deaktiviertes API-Token</translation>
    </message>
    <message>
        <source>API token status: %1</source>
        <extracomment>%1 is the status as Cloudflare&apos;s API gives it, e.g. &quot;revoked&quot;</extracomment>
        <translation>Status des API-Tokens: %1</translation>
    </message>
</context>
<context>
    <name>TokenColumns</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Cloudflare token ID</source>
        <translation>Cloudflare-Token-ID</translation>
    </message>
    <message>
        <source>Owner type</source>
        <translation>Eigentümertyp</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>API token status</source>
        <translation>Status des API-Tokens</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Unbenutzt</translation>
    </message>
</context>
<context>
    <name>TokenDetailsPane</name>
    <message>
        <source>Token details</source>
        <translation>Token-Details</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>As JSON:</source>
        <translation>Als JSON:</translation>
    </message>
    <message>
        <source>The token&apos;s fields in column order, then any fields the app does not show</source>
        <translation>Die Felder des Tokens in Spaltenreihenfolge, danach alle Felder, die die App nicht anzeigt</translation>
    </message>
    <message>
        <source>Copy the JSON</source>
        <translation>JSON kopieren</translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation>Wählen Sie ein Token aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Copy the field “%1”</source>
        <translation>Das Feld „%1“ kopieren</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field&apos;s label in the details pane</comment>
        <translation>%1:</translation>
    </message>
    <message numerus="yes">
        <source>%n rows selected; showing the current one.</source>
        <translation>
            <numerusform>%n Zeile ausgewählt; die aktuelle wird angezeigt.</numerusform>
            <numerusform>%n Zeilen ausgewählt; die aktuelle wird angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>TokenExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file name, %2 why it could not be written</extracomment>
        <translation>Schreiben in %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <extracomment>%1 is a file name, %2 why it could not be saved</extracomment>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>TokenHealth</name>
    <message>
        <source>Its expiry date has passed, though Cloudflare still calls it active.</source>
        <translation>Sein Ablaufdatum ist überschritten, obwohl Cloudflare es noch aktiv nennt.</translation>
    </message>
    <message>
        <source>Cloudflare calls it “%1”, a status this app does not know: do not count on it.</source>
        <extracomment>%1 is the status text Cloudflare sent</extracomment>
        <translation>Cloudflare nennt es „%1“, einen Status, den diese App nicht kennt: Verlassen Sie sich nicht darauf.</translation>
    </message>
    <message>
        <source>None of your API tokens has this id: it was deleted, or it belongs to another member of the account, whose tokens you cannot see.</source>
        <translation>Keines Ihrer API-Token hat diese ID: Es wurde gelöscht, oder es gehört einem anderen Mitglied des Kontos, dessen Token Sie nicht sehen können.</translation>
    </message>
    <message>
        <source>The credentials may not read API tokens: add the “%1” permission to the API token.</source>
        <extracomment>%1 is the permission&apos;s name</extracomment>
        <translation>Die Zugangsdaten dürfen keine API-Token lesen: Fügen Sie dem API-Token die Berechtigung „%1“ hinzu.</translation>
    </message>
    <message>
        <source>It could not be checked: %1</source>
        <extracomment>%1 is the error</extracomment>
        <translation>Es ließ sich nicht prüfen: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>the verdict, then why</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a date&apos;s label, then the date</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>Nicht vor</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
    <message>
        <source>API token “%1”, status “%2”</source>
        <extracomment>%1 is the API token&apos;s name</extracomment>
        <translation>API-Token „%1“, Status „%2“</translation>
    </message>
</context>
<context>
    <name>TokenHealthService</name>
    <message>
        <source>The API token list did not end after %1 pages; stopped there.</source>
        <translation>Die Liste der API-Token endete nach %1 Seiten nicht; dort angehalten.</translation>
    </message>
</context>
<context>
    <name>TokenRowActions</name>
    <message>
        <source>Select rows to copy (Ctrl+A selects all)</source>
        <translation>Wählen Sie Zeilen zum Kopieren aus (Strg+A wählt alle aus)</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n rows</source>
        <translation>
            <numerusform>%n Zeile kopiert</numerusform>
            <numerusform>%n Zeilen kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tokens to %1</source>
        <translation>
            <numerusform>%n Token nach %1 exportiert</numerusform>
            <numerusform>%n Token nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy &amp;UUID</source>
        <translation>&amp;UUID kopieren</translation>
    </message>
    <message>
        <source>Copied the UUID</source>
        <translation>UUID kopiert</translation>
    </message>
    <message>
        <source>Copy Cloudflare &amp;Token ID</source>
        <translation>Cloudflare-&amp;Token-ID kopieren</translation>
    </message>
    <message>
        <source>Copied the Cloudflare token ID</source>
        <translation>Cloudflare-Token-ID kopiert</translation>
    </message>
    <message>
        <source>Copy &amp;Row</source>
        <translation>&amp;Zeile kopieren</translation>
    </message>
    <message>
        <source>Copied the row</source>
        <translation>Zeile kopiert</translation>
    </message>
</context>
<context>
    <name>TokenTableView</name>
    <message>
        <source>Build tokens</source>
        <translation>Build-Token</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
</context>
<context>
    <name>TokenVerifier</name>
    <message>
        <source>Field “%1” should be an ISO 8601 date and time but is “%2”.</source>
        <translation>Feld „%1“ sollte ein Datum mit Uhrzeit nach ISO 8601 sein, ist aber „%2“.</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>The format of an expiry date (QLocale::toString): d the day, MMM the month&apos;s short name, yyyy the year</extracomment>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>TokenWriter</name>
    <message>
        <source>The output is not open for writing</source>
        <translation>Die Ausgabe ist nicht zum Schreiben geöffnet</translation>
    </message>
</context>
<context>
    <name>UsageScan</name>
    <message>
        <source>The last scan found %2 Workers: this one makes up to %1 requests, of the 1,200 every 5 minutes Cloudflare allows you.</source>
        <extracomment>%1 is a number of requests, %2 of Workers</extracomment>
        <translation>Die letzte Suche fand %2 Worker: Diese stellt bis zu %1 Anfragen, von den 1.200 je 5 Minuten, die Cloudflare Ihnen erlaubt.</translation>
    </message>
    <message>
        <source>It makes one request for the account&apos;s Workers, one for every %1 Workers, and one for each Worker that builds with Workers Builds, of the 1,200 every 5 minutes Cloudflare allows you.</source>
        <translation>Sie stellt eine Anfrage für die Worker des Kontos, eine je %1 Worker und eine für jeden Worker, der mit Workers Builds baut – von den 1.200 je 5 Minuten, die Cloudflare Ihnen erlaubt.</translation>
    </message>
    <message>
        <source>Scan Usage</source>
        <translation>Verwendung ermitteln</translation>
    </message>
    <message>
        <source>Find which Workers&apos; build triggers use each build token?</source>
        <translation>Ermitteln, welche Build-Trigger welcher Worker jedes Build-Token verwenden?</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Ermitteln</translation>
    </message>
    <message>
        <source>Scanning the account&apos;s Workers…</source>
        <translation>Die Worker des Kontos werden durchsucht …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Scanning the account&apos;s Workers: request %1 of %2…</source>
        <extracomment>%1 of %2 requests</extracomment>
        <translation>Die Worker des Kontos werden durchsucht: Anfrage %1 von %2 …</translation>
    </message>
    <message>
        <source>Usage scan canceled</source>
        <translation>Verwendungssuche abgebrochen</translation>
    </message>
    <message>
        <source>The usage scan failed: %1</source>
        <extracomment>%1 is the error</extracomment>
        <translation>Die Verwendungssuche ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Usage scanned: %1 Workers, %2 build with Workers Builds (%3 requests); %n build token(s) unused</source>
        <extracomment>%1 Workers, %2 of them with Workers Builds, %3 requests; then how many build tokens no trigger uses</extracomment>
        <translation>
            <numerusform>Verwendung ermittelt: %1 Worker, %2 bauen mit Workers Builds (%3 Anfragen); %n Build-Token unbenutzt</numerusform>
            <numerusform>Verwendung ermittelt: %1 Worker, %2 bauen mit Workers Builds (%3 Anfragen); %n Build-Token unbenutzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageScanService</name>
    <message>
        <source>No live build trigger uses this build token.</source>
        <translation>Kein aktiver Build-Trigger verwendet dieses Build-Token.</translation>
    </message>
    <message>
        <source>%1 (branches: %2)</source>
        <extracomment>%1 is the trigger line, %2 its branches</extracomment>
        <translation>%1 (Branches: %2)</translation>
    </message>
    <message>
        <source>Used by Worker “%1”, trigger “%2”</source>
        <extracomment>%1 is a Worker&apos;s name, %2 a trigger&apos;s name</extracomment>
        <translation>Verwendet von Worker „%1“, Trigger „%2“</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The demo could not be started.</source>
        <translation>Die Demo konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>How many build tokens the demo account has (default 300).</source>
        <translation>Wie viele Build-Token das Demo-Konto hat (Standard 300).</translation>
    </message>
    <message>
        <source>Delay of each demo answer in milliseconds (default 150).</source>
        <translation>Verzögerung jeder Demo-Antwort in Millisekunden (Standard 150).</translation>
    </message>
    <message>
        <source>Keep settings and profiles in FILE (an INI file) instead of the user&apos;s.</source>
        <translation>Einstellungen und Profile in DATEI (einer INI-Datei) statt in denen des Benutzers speichern.</translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>A value&apos;s name in --help (--settings &lt;FILE&gt;); the description names it too</extracomment>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Browse the build tokens of Cloudflare Workers Builds.</source>
        <translation>Durchsucht die Build-Token von Cloudflare Workers Builds.</translation>
    </message>
    <message>
        <source>Open on demo data: a fake Cloudflare API inside the app, a demo profile kept in memory, and settings that are thrown away on exit.</source>
        <translation>Mit Demodaten öffnen: eine nachgebildete Cloudflare-API in der App, ein Demoprofil nur im Speicher und Einstellungen, die beim Beenden verworfen werden.</translation>
    </message>
</context>
</TS>
