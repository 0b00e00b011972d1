#pragma once

#include <QExplicitlySharedDataPointer>
#include <QSharedData>
#include <QString>

// A text that many records hold the same of (an API token's status and dates, a health's
// note), in 8 bytes: records made from one text kept once (HealthCheck's) point at the same
// copy. As QStrings those six fields were 144 bytes a record even where the texts were shared:
// 14 MB of the peak with 100,000 API tokens (docs/PERFORMANCE.md). A null text (absent) stays
// null, apart from an empty one.
class SharedText
{
public:
    SharedText() = default;
    SharedText(const QString &text) // NOLINT(google-explicit-constructor): it is that text
        : d(text.isNull() ? nullptr : new Node(text))
    {
    }

    const QString &toString() const { return d ? d->text : null(); }
    operator const QString &() const { return toString(); } // NOLINT(google-explicit-constructor)
    bool isNull() const { return !d; }
    bool isEmpty() const { return toString().isEmpty(); }
    bool contains(QStringView text, Qt::CaseSensitivity cs = Qt::CaseSensitive) const { return toString().contains(text, cs); }
    // Whether both are the one copy a check kept.
    bool isSharedWith(const SharedText &other) const { return d == other.d; }

    friend bool operator==(const SharedText &a, const SharedText &b) { return a.toString() == b.toString(); }
    friend bool operator!=(const SharedText &a, const SharedText &b) { return !(a == b); }
    // Against a text: without these, `text == shared` could convert either side and is ambiguous.
    friend bool operator==(const SharedText &a, const QString &b) { return a.toString() == b; }
    friend bool operator==(const QString &a, const SharedText &b) { return a == b.toString(); }
    friend bool operator!=(const SharedText &a, const QString &b) { return !(a == b); }
    friend bool operator!=(const QString &a, const SharedText &b) { return !(a == b); }

private:
    struct Node : QSharedData
    {
        explicit Node(const QString &text) : text(text) {}
        QString text;
    };
    static const QString &null()
    {
        static const QString none;
        return none;
    }

    QExplicitlySharedDataPointer<const Node> d;
};
