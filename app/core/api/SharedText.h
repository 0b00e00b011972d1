#pragma once

#include <QExplicitlySharedDataPointer>
#include <QSharedData>
#include <QString>
#include <QStringList>

// A value that many records hold the same of, in 8 bytes: records made from one value kept once
// (HealthCheck's) point at the same copy. As QStrings and QStringLists, an API token's status,
// dates and policies were 168 bytes a record even where their data was shared: 17 MB of the
// peak with 100,000 API tokens (docs/PERFORMANCE.md).
template<typename T>
class SharedValue
{
public:
    const T &value() const { return d ? d->value : none(); }
    // Whether both are the one copy a check kept.
    bool isSharedWith(const SharedValue &other) const { return d == other.d; }
    // As a pointer to a shared const value (std::shared_ptr's half size): null until made.
    explicit operator bool() const { return bool(d); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }

    SharedValue() = default;
    explicit SharedValue(const T &value) : d(new Node(value)) {}

private:
    struct Node : QSharedData
    {
        explicit Node(const T &value) : value(value) {}
        T value;
    };
    static const T &none()
    {
        static const T empty;
        return empty;
    }

    QExplicitlySharedDataPointer<const Node> d;
};

// A text (a status, a date, a note). A null text (absent) stays null, apart from an empty one.
class SharedText : public SharedValue<QString>
{
public:
    SharedText() = default;
    SharedText(const QString &text) // NOLINT(google-explicit-constructor): it is that text
        : SharedValue(text.isNull() ? SharedValue() : SharedValue(text))
    {
    }

    const QString &toString() const { return value(); }
    operator const QString &() const { return value(); } // NOLINT(google-explicit-constructor)
    bool isNull() const { return value().isNull(); }
    bool isEmpty() const { return value().isEmpty(); }
    bool contains(QStringView text, Qt::CaseSensitivity cs = Qt::CaseSensitive) const { return value().contains(text, cs); }

    friend bool operator==(const SharedText &a, const SharedText &b) { return a.value() == b.value(); }
    friend bool operator!=(const SharedText &a, const SharedText &b) { return !(a == b); }
    friend bool operator<(const SharedText &a, const SharedText &b) { return a.value() < b.value(); }
    // Against a text: without these, `text == shared` could convert either side and is ambiguous.
    friend bool operator==(const SharedText &a, const QString &b) { return a.value() == b; }
    friend bool operator==(const QString &a, const SharedText &b) { return a == b.value(); }
    friend bool operator!=(const SharedText &a, const QString &b) { return !(a == b); }
    friend bool operator!=(const QString &a, const SharedText &b) { return !(a == b); }
};

// A list of texts (an API token's policies).
class SharedList : public SharedValue<QStringList>
{
public:
    SharedList() = default;
    SharedList(const QStringList &list) // NOLINT(google-explicit-constructor): it is that list
        : SharedValue(list.isEmpty() ? SharedValue() : SharedValue(list))
    {
    }

    operator const QStringList &() const { return value(); } // NOLINT(google-explicit-constructor)
    bool isEmpty() const { return value().isEmpty(); }
    QStringList::const_iterator begin() const { return value().begin(); }
    QStringList::const_iterator end() const { return value().end(); }

    friend bool operator==(const SharedList &a, const SharedList &b) { return a.value() == b.value(); }
    friend bool operator!=(const SharedList &a, const SharedList &b) { return !(a == b); }
    friend bool operator==(const SharedList &a, const QStringList &b) { return a.value() == b; }
    friend bool operator==(const QStringList &a, const SharedList &b) { return a == b.value(); }
};
