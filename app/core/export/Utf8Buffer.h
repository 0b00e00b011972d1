#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QChar>
#include <QStringView>

#include <algorithm>
#include <cstring>

// Bytes being written, text going in as UTF-8: what the export formats are made of. Writes go
// through a raw pointer into room made beforehand, so a cell costs no QByteArray call and no
// temporary (toUtf8() makes a QByteArray a cell), and one pass both encodes a cell and finds
// what needs quoting or escaping.
class Utf8Buffer
{
public:
    Utf8Buffer() = default;
    Utf8Buffer(const Utf8Buffer &) = delete; // a copy's pointer would still be into this one
    Utf8Buffer &operator=(const Utf8Buffer &) = delete;

    qsizetype size() const { return m_size; }
    const char *data() const { return m_data; }
    // Empties it and keeps the room, for the next rows.
    void clear() { m_size = 0; }
    // Takes back what was appended since size() was `size`.
    void truncate(qsizetype size) { m_size = std::min(m_size, size); }
    QByteArray take();

    void append(char c)
    {
        reserve(1);
        m_data[m_size++] = c;
    }
    void append(QByteArrayView bytes)
    {
        reserve(bytes.size());
        // Copied here, not by memmove(): these are a few bytes at a time (a key, a comma), and
        // glibc's memmove() for them ran several times slower once something had left the
        // upper AVX state dirty (here, after QCommandLineParser::process(); a vzeroupper cured it).
        char *dst = m_data + m_size;
        const char *src = bytes.data();
        qsizetype n = bytes.size();
        for (; n >= 8; n -= 8, src += 8, dst += 8)
            std::memcpy(dst, src, 8);
        for (; n > 0; --n)
            *dst++ = *src++;
        m_size += bytes.size();
    }

    // `text` up to its first unit that `Stop` holds for, returning how many units it wrote.
    // `Stop::at(unit)` is asked about ASCII units only, `Stop::inFour(four)` about four ASCII
    // units at once, read from memory into one quint64 (hasUnit and hasBelow look into it).
    // Byte for byte what QString::toUtf8() gives: a lone surrogate becomes '?', where
    // QStringEncoder would write U+FFFD.
    template<typename Stop>
    qsizetype appendUtf8Until(QStringView text);

    // Four 16-bit lanes, each below 0x80: a sum never carries out of its lane, and a difference
    // borrows only from the lane above one that is zero, when hasUnit has its answer already.
    static constexpr quint64 fourOf(char16_t unit) { return 0x0001000100010001ULL * unit; }
    static constexpr bool hasUnit(quint64 four, char16_t unit)
    {
        const quint64 diff = four ^ fourOf(unit);
        return ((diff - fourOf(1)) & ~diff & fourOf(0x80)) != 0;
    }
    static constexpr bool hasBelow(quint64 four, char16_t limit) // a unit < limit (<= 0x80)
    {
        return ((four + fourOf(0x80 - limit)) & fourOf(0x80)) != fourOf(0x80);
    }

private:
    void reserve(qsizetype bytes)
    {
        if (m_bytes.size() - m_size < bytes)
            grow(bytes);
    }
    void grow(qsizetype bytes);

    QByteArray m_bytes; // its size is the room: m_size is how much of it is written
    char *m_data = nullptr; // m_bytes' data: asking for it would check for sharing each time
    qsizetype m_size = 0;
};

template<typename Stop>
qsizetype Utf8Buffer::appendUtf8Until(QStringView text)
{
    reserve(3 * text.size()); // the most one UTF-16 unit takes (a pair: 4 for 2)
    auto *dst = reinterpret_cast<uchar *>(m_data + m_size);
    const char16_t *const begin = text.utf16();
    const char16_t *const end = begin + text.size();
    const char16_t *src = begin;
    while (src != end) {
        // Four units a step while they are plain ASCII, as nearly all of a token is.
        for (quint64 four; end - src >= 4; src += 4, dst += 4) {
            std::memcpy(&four, src, sizeof four);
            if ((four & fourOf(0xFF80)) != 0 || Stop::inFour(four))
                break;
            std::copy(src, src + 4, dst);
        }
        if (src == end)
            break;
        const char16_t c = *src;
        if (c < 0x80) {
            if (Stop::at(c))
                break;
            *dst++ = uchar(c);
        } else if (c < 0x800) {
            *dst++ = uchar(0xC0 | (c >> 6));
            *dst++ = uchar(0x80 | (c & 0x3F));
        } else if (!QChar::isSurrogate(c)) {
            *dst++ = uchar(0xE0 | (c >> 12));
            *dst++ = uchar(0x80 | ((c >> 6) & 0x3F));
            *dst++ = uchar(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && src + 1 != end && QChar::isLowSurrogate(src[1])) {
            const char32_t u = QChar::surrogateToUcs4(c, *++src);
            *dst++ = uchar(0xF0 | (u >> 18));
            *dst++ = uchar(0x80 | ((u >> 12) & 0x3F));
            *dst++ = uchar(0x80 | ((u >> 6) & 0x3F));
            *dst++ = uchar(0x80 | (u & 0x3F));
        } else {
            *dst++ = '?';
        }
        ++src;
    }
    m_size = reinterpret_cast<char *>(dst) - m_data;
    return src - begin;
}
