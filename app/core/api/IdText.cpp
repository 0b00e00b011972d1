#include "IdText.h"

namespace {

constexpr char16_t HexDigits[] = u"0123456789abcdef";
// Where a uuid has its dashes.
constexpr bool isDashAt(qsizetype i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1; // upper case too: it would not be written back as it came
}

// The 32 hex digits of `text` (skipping a uuid's dashes) as 128 bits, or false where `text`
// does not have that shape.
bool readBits(const QString &text, bool uuid, std::array<quint64, 2> *bits)
{
    *bits = {0, 0};
    int digits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (uuid && isDashAt(i)) {
            if (c != u'-')
                return false;
            continue;
        }
        const int value = hexValue(c);
        if (value < 0)
            return false;
        quint64 &half = (*bits)[digits < 16 ? 0 : 1];
        half = (half << 4) | quint64(value);
        ++digits;
    }
    return digits == 32;
}

} // namespace

IdText::IdText(const QString &text)
{
    Bits bits;
    if (text.size() == 36 && readBits(text, true, &bits))
        m_value = Uuid{bits};
    else if (text.size() == 32 && readBits(text, false, &bits))
        m_value = Hex32{bits};
    else
        m_value = text;
}

const IdText::Bits &IdText::bits() const
{
    if (const Uuid *uuid = std::get_if<Uuid>(&m_value))
        return uuid->bits;
    return std::get<Hex32>(m_value).bits;
}

qsizetype IdText::format(char16_t *out) const
{
    const bool uuid = std::holds_alternative<Uuid>(m_value);
    const Bits &bits = this->bits();
    qsizetype length = 0;
    for (int digit = 0; digit < 32; ++digit) {
        if (uuid && isDashAt(length))
            out[length++] = u'-';
        const quint64 half = bits[digit < 16 ? 0 : 1];
        out[length++] = HexDigits[(half >> (4 * (15 - digit % 16))) & 0xf];
    }
    return length;
}

QString IdText::toString() const
{
    if (const SharedText *text = std::get_if<SharedText>(&m_value))
        return *text;
    char16_t buffer[36];
    return QString(reinterpret_cast<const QChar *>(buffer), format(buffer));
}

bool IdText::isEmpty() const
{
    const SharedText *text = std::get_if<SharedText>(&m_value);
    return text && text->isEmpty();
}

qsizetype IdText::size() const
{
    if (const SharedText *text = std::get_if<SharedText>(&m_value))
        return text->toString().size();
    return std::holds_alternative<Uuid>(m_value) ? 36 : 32;
}

bool IdText::contains(QStringView needle, Qt::CaseSensitivity cs) const
{
    if (const SharedText *text = std::get_if<SharedText>(&m_value))
        return text->contains(needle, cs);
    char16_t buffer[36];
    return QStringView(buffer, format(buffer)).contains(needle, cs);
}

size_t IdText::hash(size_t seed) const noexcept
{
    if (const SharedText *text = std::get_if<SharedText>(&m_value))
        return qHash(text->toString(), seed);
    return qHashMulti(seed, bits()[0], bits()[1], std::holds_alternative<Uuid>(m_value));
}
