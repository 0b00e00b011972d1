#pragma once

#include "SharedText.h"

#include <QHashFunctions>
#include <QString>
#include <QStringView>

#include <array>
#include <variant>

// An id the API sends (a build token's uuid, an API token's id), exactly as sent, in 24 bytes
// without an allocation of its own where it has one of the shapes Cloudflare's ids have: a
// uuid (8-4-4-4-12 lowercase hex digits) or 32 lowercase hex digits. Any other text is kept as
// it is (a SharedText, so that the shapes set the size). As a QString each id was 24 bytes
// plus 82 to 90 on the heap; a row has two, a health record one, and two indexes key on them:
// 25 MB of the peak at 100,000 rows (docs/PERFORMANCE.md).
//
// It converts to and from QString, so an id reads like the text it is; the same text always
// makes the same IdText, so equality and hashing work on what is stored.
class IdText
{
public:
    IdText() = default;
    IdText(const QString &text); // NOLINT(google-explicit-constructor): it is that text

    QString toString() const;
    operator QString() const { return toString(); } // NOLINT(google-explicit-constructor)
    bool isEmpty() const;
    qsizetype size() const;
    // Whether the text contains `needle`, without making a QString of it: the filter box asks
    // this of every row at each keystroke.
    bool contains(QStringView needle, Qt::CaseSensitivity cs = Qt::CaseSensitive) const;
    // 32 hex digits: an id that may go into a request path as it is.
    bool isHex32() const { return std::holds_alternative<Hex32>(m_value); }

    friend bool operator==(const IdText &a, const IdText &b) { return a.m_value == b.m_value; }
    friend bool operator!=(const IdText &a, const IdText &b) { return !(a == b); }
    // Against a text: without these, `id == text` could convert either side and is ambiguous.
    friend bool operator==(const IdText &a, const QString &b) { return a == IdText(b); }
    friend bool operator==(const QString &a, const IdText &b) { return IdText(a) == b; }
    friend bool operator!=(const IdText &a, const QString &b) { return !(a == b); }
    friend bool operator!=(const QString &a, const IdText &b) { return !(a == b); }
    size_t hash(size_t seed) const noexcept;
    // An order that does not change from run to run (by text within a shape; hex digits by their
    // value, which is their text's order), for requests made in a stable order.
    friend bool operator<(const IdText &a, const IdText &b) { return a.m_value < b.m_value; }

private:
    using Bits = std::array<quint64, 2>;
    // Two shapes in the same 16 bytes: the alternative says which one to write back.
    struct Uuid
    {
        Bits bits;
        bool operator==(const Uuid &other) const { return bits == other.bits; }
        bool operator<(const Uuid &other) const { return bits < other.bits; }
    };
    struct Hex32
    {
        Bits bits;
        bool operator==(const Hex32 &other) const { return bits == other.bits; }
        bool operator<(const Hex32 &other) const { return bits < other.bits; }
    };
    // The 128 bits of a shaped id (a uuid or 32 hex digits).
    const Bits &bits() const;
    // Formats a shaped id into `out` (36 or 32 characters); returns its length.
    qsizetype format(char16_t *out) const;

    std::variant<SharedText, Uuid, Hex32> m_value;
};

inline size_t qHash(const IdText &id, size_t seed = 0) noexcept
{
    return id.hash(seed);
}
