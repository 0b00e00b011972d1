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

QString isolate(const QString &text)
{
    return u'\u2068' + text + u'\u2069';
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
