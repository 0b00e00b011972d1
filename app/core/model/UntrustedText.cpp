#include "UntrustedText.h"

using namespace Qt::Literals::StringLiterals;

namespace UntrustedText {

namespace {

bool invisible(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)   // C0, DEL, C1
           || (c >= 0x200b && c <= 0x200f)         // zero-width space, joiners, LRM, RLM
           || (c >= 0x202a && c <= 0x202e)         // embeddings and overrides
           || (c >= 0x2060 && c <= 0x2069)         // word joiner, invisible operators, isolates
           || c == 0x061c || c == 0xfeff;          // Arabic letter mark, byte order mark
}

} // namespace

bool isInvisible(char16_t c)
{
    return invisible(c);
}

QString isolate(const QString &text)
{
    QString isolated;
    isolated.reserve(text.size() + 2);
    isolated += u'\u2068';
    // A pop-directional-isolate the text did not open would close ours early, and an override
    // after it would reach the words beside: such a PDI is left out. Embeddings and isolates
    // the text opens all end at our closing PDI.
    int open = 0;
    for (const QChar c : text) {
        if (c == u'\u2066' || c == u'\u2067' || c == u'\u2068')
            ++open;
        else if (c == u'\u2069') {
            if (open == 0)
                continue;
            --open;
        }
        isolated += c;
    }
    isolated += u'\u2069';
    return isolated;
}

QString forCell(const QString &text)
{
    if (!text.isEmpty() && text.trimmed().isEmpty() && !text.contains(u'\n') && !text.contains(u'\r'))
        return QString(text.size(), u'\u2423');
    if (!text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString shown = text;
    shown.replace(u"\r\n"_s, u"\u23ce"_s).replace(u'\n', u'\u23ce').replace(u'\r', u'\u23ce');
    return shown;
}

QString showInvisible(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        if (invisible(c.unicode()))
            shown += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        else
            shown += c;
    }
    return shown;
}

} // namespace UntrustedText
