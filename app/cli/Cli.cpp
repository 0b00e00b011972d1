#include "Cli.h"

#include "model/UntrustedText.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

QString exitCodeHelp()
{
    //: Keep the numbers and the alignment; they are the exit codes scripts test for.
    return Texts::tr("Exit codes:\n"
                     "  0  success\n"
                     "  1  any other API error (HTTP 5xx, a rejected request, success:false)\n"
                     "  2  usage error (nothing was sent)\n"
                     "  3  authentication failed (HTTP 401/403, a missing or invalid credential)\n"
                     "  4  not found (HTTP 404, or error 7003: check the account id)\n"
                     "  5  rate limited (HTTP 429)\n"
                     "  6  network error (no connection, timeout, TLS, a redirect to another origin)\n"
                     "  7  malformed response (not Cloudflare's JSON envelope)\n"
                     "  8  keychain error (no Secret Service, locked, or no secret stored for the profile)\n"
                     "  9  the --output file could not be written (nothing was left there)\n");
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString printable(const QString &text, bool keepLineBreaks)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (keepLineBreaks && u == u'\n')
            shown += c;
        else if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            shown += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        else if (UntrustedText::isInvisible(u))
            shown += u"\\u"_s + QString::number(u, 16).rightJustified(4, u'0');
        else
            shown += c;
    }
    return shown;
}

int exitCodeFor(const ApiError &error)
{
    using Kind = ApiError::Kind;
    switch (error.kind()) {
    case Kind::None: return ExitOk;
    case Kind::InvalidRequest: return ExitUsage;
    case Kind::Auth: return ExitAuth;
    case Kind::NotFound: return ExitNotFound;
    case Kind::RateLimited: return ExitRateLimited;
    case Kind::Timeout:
    case Kind::Network:
    case Kind::Tls:
    case Kind::RedirectRefused: return ExitNetwork;
    case Kind::Malformed: return ExitMalformed;
    case Kind::Canceled:
    case Kind::Server:
    case Kind::BadRequest:
    case Kind::Api: return ExitApiError;
    }
    return ExitApiError;
}

int usageError(const QString &message)
{
    // The program's own name: build-tokens-demo-server shares these.
    const QString program = QCoreApplication::applicationName();
    err() << program << ": " << printable(message, true) << '\n' << Texts::tr("Try '%1 --help'.").arg(program) << '\n';
    return ExitUsage;
}

int fail(int code, const QString &message)
{
    err() << QCoreApplication::applicationName() << ": " << printable(message, true) << '\n';
    return code;
}

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *value)
{
    if (!parser.isSet(option))
        return true;
    bool isNumber = false;
    const int parsed = parser.value(option).toInt(&isNumber);
    if (!isNumber || parsed < min || parsed > max)
        return false;
    *value = parsed;
    return true;
}

QString rangeError(const QString &option, int min, int max)
{
    //: %1 is an option name such as per-page
    return Texts::tr("--%1 must be a whole number from %2 to %3.").arg(option).arg(min).arg(max);
}

QList<qsizetype> columnWidths(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(qMax(widths.size(), row.size()));
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = qMax(widths[c], row[c].size());
    }
    return widths;
}

QString formatRows(const QList<QStringList> &rows, const QList<qsizetype> &widths)
{
    QString text;
    for (const QStringList &cells : rows) {
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += c + 1 < cells.size() ? cells[c].leftJustified(widths.value(c) + 2) : cells[c];
        text += u'\n';
    }
    return text;
}

QString formatTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<QStringList> all{headers};
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &cell : row)
            cells << printable(cell);
        all << cells;
    }
    return formatRows(all, columnWidths(all));
}

QCommandLineOption settingsOption()
{
    return QCommandLineOption(u"settings"_s, Texts::tr("Read and write settings in FILE (INI) instead of the app's own."),
                              //: A value's name in --help (--settings <FILE>); the descriptions name it too
                              Texts::tr("FILE"));
}

} // namespace Cli
