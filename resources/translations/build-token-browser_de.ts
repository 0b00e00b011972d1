<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Build Token Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build Token Browser %1&lt;/h3&gt;&lt;p&gt;Browse the build tokens of Cloudflare Workers Builds.&lt;/p&gt;&lt;p&gt;Secrets stay in the system keychain (or in memory, if you choose so) and are sent only to the profile&apos;s API base URL.&lt;/p&gt;&lt;p&gt;MIT licence · &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <source>Account ID (32 hex digits), or pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsService</name>
    <message>
        <source>The account list did not end after %1 pages; stopped there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile: credentials kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change, test or remove the current profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected rows, or all rows shown, as CSV, JSON or NDJSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load First Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the first page of the account&apos;s build tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load All Page&amp;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every page of the account into one table, to sort, filter and export them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the page shown, or all pages, again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Build Token Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every row shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the rows that contain some text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the request in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the transfer timeout and how many pages Load All Pages asks for at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the fields of the current token beside the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Build Token Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActiveProfile</name>
    <message>
        <source>The secret of profile “%1” could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain has no secret for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the profile to enter it again; you can keep it for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllPagesJob</name>
    <message>
        <source>Requests at once must be from %1 to %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>Cloudflare&apos;s rate limit would hold this request for more than %1 s; try again later.</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for Cloudflare&apos;s rate limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 Gave up after %n attempts.</source>
        <extracomment>%1 says what went wrong on the last attempt</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The response from %1 is larger than %2 MiB; it was cut off there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response from %1 came compressed (%2) and did not unpack within %3 MiB: it unpacks to far more than a page of tokens (a compression bomb), or it is corrupt. Nothing was loaded.</source>
        <extracomment>%1 is a host name, %2 a compression such as gzip, %3 a number of MiB</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was still sending after %2 s; the answer was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete answer from %1 before the transfer timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request to another origin; it was not followed so that the credentials stay with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request again and again (a redirect loop); it was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password: put them in https_proxy (http://user:password@proxy:port), or ask your network&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a host name, %2 what Qt says went wrong</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The API base URL “%1” is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API base URL may not contain a user name, a query or a fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// would send the credentials unencrypted; it is allowed only for a local test server (localhost, 127.0.0.1). Use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API base URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account email and the Global API Key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>No error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect to another site refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited by Cloudflare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <extracomment>%1 is one of the summaries above, e.g. &quot;Authentication failed&quot;; %2 an HTTP status such as 401</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a user API token with the “Workers CI Read” permission; the Builds API rejects account-owned tokens. With a Global API Key, check the email and the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the account ID: it is the 32-character ID shown on the account&apos;s overview page in the Cloudflare dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare allows 1,200 requests per 5 minutes per user. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare allows 1,200 requests per 5 minutes per user. Wait a few minutes and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection, the proxy settings and the API base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted. A proxy that inspects TLS may be in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not Cloudflare&apos;s API envelope. A proxy, a captive portal or a wrong API base URL may be in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare had a problem answering. Try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a Cloudflare error code, %2 its message (in English, as Cloudflare sends it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserSession</name>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No tokens loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the page, then how many tokens</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pages: %1 of %2 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pages: %1 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pages: stopped after %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pages: stopped after %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildTokensService</name>
    <message>
        <source>Enter an account ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account ID may only contain letters, digits, “-” and “_” (Cloudflare&apos;s are 32 hex digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 does not exist: pages start at 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per page must be from %1 to %2, not %3.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;build-tokens --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <extracomment>%1 is an option name such as per-page</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and write settings in FILE (INI) instead of the app&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>A value&apos;s name in --help (--settings &lt;FILE&gt;); the descriptions name it too</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (default 8788; 0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many build tokens the account has (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before each answer, in milliseconds (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1:%1 (is the port in use?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Demo Cloudflare API with %n build tokens. Try:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stop it with Ctrl+C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account id (else CLOUDFLARE_ACCOUNT_ID, else the profile&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this profile&apos;s account, API base and keychain secret. CLOUDFLARE_* credentials in the environment still win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <extracomment>A value&apos;s name in --help (--profile &lt;NAME&gt;); the messages name it too
----------
The headers of the table of profiles, for people (capitals as the token table&apos;s)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page to print (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per page, 1 to 200 (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table (default), csv, json or ndjson: the app&apos;s export writers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <extracomment>A value&apos;s name in --help (--format &lt;FORMAT&gt;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE (atomically: all or nothing) instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only the tokens with TEXT in any field, any case (as the app&apos;s filter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <extracomment>A value&apos;s name in --help (--filter &lt;TEXT&gt;); the description names it too</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With csv: start with a UTF-8 byte order mark, for Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API base URL (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer timeout in seconds (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every page, 200 a page, several at once; rows are written as they come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --all: pages asked for at once, %1 to %2 (default %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all reads every page, 200 a page: leave out --page and --per-page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency goes with --all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be table, csv, json or ndjson, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--excel goes with --format csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile named “%1”; &apos;build-tokens profiles list&apos; shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--account ID is required (or set CLOUDFLARE_ACCOUNT_ID, or use a profile with an account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY, or use --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown after the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were fetched before the error; nothing was written to %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were written before the error.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All pages (%1) · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No secret is stored for profile “%1”; store it again with &apos;build-tokens profiles add %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the spaces around the secret were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Cloudflare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet. Add one with: build-tokens profiles add NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API BASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: token (an API token, default) or key (email and Global API Key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCHEME</source>
        <extracomment>A value&apos;s name in --help (--auth &lt;SCHEME&gt;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: the account email, for --auth key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: the default account id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: an API base URL other than Cloudflare&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <extracomment>The name of the argument after &quot;profiles&quot; in --help&apos;s usage line</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, add NAME (the secret comes from standard input) or remove NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say &apos;profiles list&apos;, &apos;profiles add NAME&apos; or &apos;profiles remove NAME&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile “%1” and its keychain entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile “%1”, but not its keychain entry: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auth must be token or key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auth key needs --email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token for “%1”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global API Key for “%1”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret on standard input: pipe it in, e.g. from your password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile “%1”; its secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the build tokens of Cloudflare Workers Builds.

Commands:
  list          print one page, or every page (--all), of an account&apos;s build tokens
  profiles      list, add or remove the profiles the app shares (secrets in the keychain)
  demo-server   run a fake Cloudflare API on 127.0.0.1 to try this against

Credentials come from CLOUDFLARE_API_TOKEN (a user API token with Workers CI Read),
or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (Global API Key), or a profile (--profile).

</source>
        <extracomment>Keep the command and variable names; align the descriptions of the commands</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command</source>
        <extracomment>The name of the first argument in --help&apos;s usage line</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, profiles or demo-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a command: list, profiles or demo-server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this profile&apos;s secret, account or API base URL, test it, or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the first page of the account&apos;s build tokens (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ This profile uses a Global API Key, which can do anything your user can. An API token with only “Workers CI Read” is the safer choice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>The API token holds a line break or another control character. Copy it again from Cloudflare and paste it alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email holds a line break or another control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Global API Key holds a line break or another control character. Copy it again from Cloudflare and paste it alone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvelopeParser</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” should be %2 but is %3.</source>
        <extracomment>%1 is a JSON field such as result[3].build_token_name; %2 and %3 are kinds of value such as &quot;a string&quot; or &quot;an array of accounts&quot; (each translated on its own in this context)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” should be a whole number from 0 to 2^53 but is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page holds %1 items, but only %2 were asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of build tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response body is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is an HTML or XML page, not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response body is not valid UTF-8 at byte %1 of %2; it may be truncated or not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response body is not valid JSON (%1) at byte %2 of %3; it may be truncated or not JSON.</source>
        <extracomment>%1 is Qt&apos;s description of the JSON error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is JSON but not Cloudflare&apos;s envelope: the top level is an array, not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is JSON but not Cloudflare&apos;s envelope: it has no “success” field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Build Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows &amp;shown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (an array of objects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDJSON (one object a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Excel-friendly (UTF-8 byte order mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel reads a CSV file as UTF-8 only when it starts with a byte order mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists. Press Export again to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <source>%1 is a link another user made in a shared folder; choose the file itself.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a link to a file that does not exist; choose the file itself.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>The export was canceled; nothing was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter the rows shown (Ctrl+F): any column, any case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>The request was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The system keychain could not be reached (%1). Start and unlock a Secret Service keyring (GNOME Keyring or KWallet; it starts with a desktop session, and needs a D-Bus session bus), or keep the secret for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access (%1). Unlock the login keyring and allow %2 to use it, or keep the secret for this session only.</source>
        <extracomment>%1 is what the keychain said, %2 the application&apos;s name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>If it shows a prompt (to unlock or to create a keyring), answer it and try again; or keep the secret for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Divider between the table and the details pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;Cloudflare Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API token with “Workers CI Read”, kept in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore &amp;Demo Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the app again on a fake Cloudflare account, without any profile of yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Another Acco&amp;unt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile with File → New Profile… (Ctrl+N): an API token with “Workers CI Read” and an account ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaginationBar</name>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a page number and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;o to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer &amp;timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A request that receives nothing for this long is sent again, %n attempts in all. A slow network or proxy may need more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> s</source>
        <comment>after a number of seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pages asked for at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages asked for at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load All Pages asks for this many pages at the same time. Fewer is gentler on a slow connection and on Cloudflare&apos;s rate limit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Enter a profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name may not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name may have at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name may not contain “/”, “\” or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>A Global API Key can do anything your user can. An API token with only “Workers CI Read” is the safer choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Profile “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email and Global API Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret as you type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spaces around the secret will be left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the accounts these credentials can see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Cloudflare whether these credentials work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change: its keychain entry is named after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global API &amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Global API Key is in the “API Keys” section of &lt;a href=&quot;%1&quot;&gt;Cloudflare&apos;s API Tokens page&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &lt;i&gt;user&lt;/i&gt; API token with the “Workers CI Read” permission; the Builds API rejects account-owned tokens. &lt;a href=&quot;%1&quot;&gt;Create one on Cloudflare&apos;s API Tokens page&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the email of the Cloudflare user the Global API Key belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this profile: enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the Global API Key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the secret in the keychain… (Cancel stops waiting; the profile is then not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain Not Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for This &amp;Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile “%1” and its secret from the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the secret from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is removed, but its keychain entry could not be: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetryCountdown</name>
    <message>
        <source>Rate limited by Cloudflare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (attempt %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited by Cloudflare: asked again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: attempt %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, retrying in %2 s — Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, waiting %2 s — Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretServiceProbe</name>
    <message>
        <source>there is no D-Bus session bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Secret Service (org.freedesktop.secrets) is running on the D-Bus session bus, and none is installed to start there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableAreaPresenter</name>
    <message>
        <source>(Esc stops waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded all pages (%1) in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded page %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To see your build tokens, add a profile with a Cloudflare API token (New Profile…, Ctrl+N), or look around on demo data first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account and press Load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading build tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is empty: it is past the last page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no build tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The build tokens could not be loaded: the message above says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the secret of “%1” from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading all pages… (Esc cancels and keeps the rows loaded so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCheck</name>
    <message>
        <source>Global API Key accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an account-owned API token: the Builds API accepts only user API tokens. Create a user API token with Workers CI Read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active API token, expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active API token, no expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired API token (expired on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token status: %1</source>
        <extracomment>%1 is the status as Cloudflare&apos;s API gives it, e.g. &quot;revoked&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenColumns</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare token ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenDetailsPane</name>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As JSON:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s fields in column order, then any fields the app does not show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the field “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field&apos;s label in the details pane</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rows selected; showing the current one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file name, %2 why it could not be written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <extracomment>%1 is a file name, %2 why it could not be saved</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenRowActions</name>
    <message>
        <source>Select rows to copy (Ctrl+A selects all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n rows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tokens to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copy &amp;UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Cloudflare &amp;Token ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the Cloudflare token ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenTableView</name>
    <message>
        <source>Build tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenVerifier</name>
    <message>
        <source>Field “%1” should be an ISO 8601 date and time but is “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenWriter</name>
    <message>
        <source>The output is not open for writing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The demo could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on demo data: a fake Cloudflare API on 127.0.0.1, a demo profile kept in memory, and settings that are thrown away on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many build tokens the demo account has (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay of each demo answer in milliseconds (default 150).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep settings and profiles in FILE (an INI file) instead of the user&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <extracomment>A value&apos;s name in --help (--settings &lt;FILE&gt;); the description names it too</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the build tokens of Cloudflare Workers Builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server could not listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
