<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApiCall</name>
    <message numerus="yes">
        <source>Gave up after %n attempts.</source>
        <translation>
            <numerusform>Gave up after %n attempt.</numerusform>
            <numerusform>Gave up after %n attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 Gave up after %n attempts.</source>
        <extracomment>%1 says what went wrong on the last attempt</extracomment>
        <translation>
            <numerusform>%1 Gave up after %n attempt.</numerusform>
            <numerusform>%1 Gave up after %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowserSession</name>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation>
            <numerusform>%1 token</numerusform>
            <numerusform>%1 tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Demo Cloudflare API with %n build tokens. Try:</source>
        <translation>
            <numerusform>Demo Cloudflare API with %n build token. Try:</numerusform>
            <numerusform>Demo Cloudflare API with %n build tokens. Try:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were fetched before the error; nothing was written to %2.</source>
        <translation>
            <numerusform>%1 token was fetched before the error; nothing was written to %2.</numerusform>
            <numerusform>%1 tokens were fetched before the error; nothing was written to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens were written before the error.</source>
        <translation>
            <numerusform>%1 token was written before the error.</numerusform>
            <numerusform>%1 tokens were written before the error.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 tokens</source>
        <translation>
            <numerusform>%1 token</numerusform>
            <numerusform>%1 tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthChecker</name>
    <message numerus="yes">
        <source>Checking the health of %n API token(s)…</source>
        <translation>
            <numerusform>Checking the health of %n API token…</numerusform>
            <numerusform>Checking the health of %n API tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health checked: %n build token(s) will break a build (sort by Health to see them)</source>
        <translation>
            <numerusform>Health checked: %n build token will break a build (sort by Health to see it)</numerusform>
            <numerusform>Health checked: %n build tokens will break a build (sort by Health to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health checked: %n build token(s) will break a build, %1 unknown</source>
        <translation>
            <numerusform>Health checked: %n build token will break a build, %1 unknown</numerusform>
            <numerusform>Health checked: %n build tokens will break a build, %1 unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n seconds.</source>
        <translation>
            <numerusform>The keychain did not answer within a second.</numerusform>
            <numerusform>The keychain did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaginationBar</name>
    <message numerus="yes">
        <source>%Ln pages in all</source>
        <translation>
            <numerusform>%Ln page in all</numerusform>
            <numerusform>%Ln pages in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>A request that receives nothing for this long is sent again, %n attempts in all. A slow network or proxy may need more.</source>
        <translation>
            <numerusform>A request that receives nothing for this long is sent again, %n attempt in all. A slow network or proxy may need more.</numerusform>
            <numerusform>A request that receives nothing for this long is sent again, %n attempts in all. A slow network or proxy may need more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>%n accounts found.</source>
        <translation>
            <numerusform>%n account found.</numerusform>
            <numerusform>%n accounts found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenDetailsPane</name>
    <message numerus="yes">
        <source>%n rows selected; showing the current one.</source>
        <translation>
            <numerusform>%n row selected; showing the current one.</numerusform>
            <numerusform>%n rows selected; showing the current one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenRowActions</name>
    <message numerus="yes">
        <source>Copied %n rows</source>
        <translation>
            <numerusform>Copied %n row</numerusform>
            <numerusform>Copied %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tokens to %1</source>
        <translation>
            <numerusform>Exported %n token to %1</numerusform>
            <numerusform>Exported %n tokens to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageScan</name>
    <message numerus="yes">
        <source>Usage scanned: %1 Workers, %2 build with Workers Builds (%3 requests); %n build token(s) unused</source>
        <extracomment>%1 Workers, %2 of them with Workers Builds, %3 requests; then how many build tokens no trigger uses</extracomment>
        <translation>
            <numerusform>Usage scanned: %1 Workers, %2 build with Workers Builds (%3 requests); %n build token unused</numerusform>
            <numerusform>Usage scanned: %1 Workers, %2 build with Workers Builds (%3 requests); %n build tokens unused</numerusform>
        </translation>
    </message>
</context>
</TS>
