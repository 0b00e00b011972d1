#pragma once

#include <QByteArray>
#include <QString>

// A text that is read rarely and kept long, as UTF-8: half the bytes of a QString for the
// usual ASCII. An API token's name (the health text and the details pane read it) is kept so:
// with 100,000 API tokens their names as QStrings were 9 MB of the peak (docs/PERFORMANCE.md).
class Utf8Text
{
public:
    Utf8Text() = default;
    Utf8Text(const QString &text) // NOLINT(google-explicit-constructor): it is that text
        : m_utf8(text.toUtf8())
    {
        m_utf8.squeeze(); // toUtf8() leaves room for 3 bytes a character: twice a QString's size
    }

    QString toString() const { return QString::fromUtf8(m_utf8); }
    operator QString() const { return toString(); } // NOLINT(google-explicit-constructor)
    bool isEmpty() const { return m_utf8.isEmpty(); }

    friend bool operator==(const Utf8Text &a, const Utf8Text &b) { return a.m_utf8 == b.m_utf8; }
    friend bool operator!=(const Utf8Text &a, const Utf8Text &b) { return !(a == b); }
    // Against a text: without these, `name == text` could convert either side and is ambiguous.
    friend bool operator==(const Utf8Text &a, const QString &b) { return a.toString() == b; }
    friend bool operator==(const QString &a, const Utf8Text &b) { return a == b.toString(); }
    friend bool operator!=(const Utf8Text &a, const QString &b) { return !(a == b); }
    friend bool operator!=(const QString &a, const Utf8Text &b) { return !(a == b); }

private:
    QByteArray m_utf8;
};
