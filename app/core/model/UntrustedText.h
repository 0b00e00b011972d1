#pragma once

#include <QString>

// Text from a server or a co-worker (token and account names), made safe to show beside other
// text. Cells and data formats keep it exact; these are for where it meets our own words.
namespace UntrustedText {

// `text` in a first-strong isolate (U+2068 ... U+2069): a right-to-left override inside it
// (U+202E) can no longer reverse what stands after it, such as the account id beside a name.
// A U+2069 in `text` that closes nothing `text` opened is dropped, since it would end the
// isolate early.
QString isolate(const QString &text);

// `text` as a one-line table cell shows it: line breaks as U+23CE (⏎), and a text of spaces
// alone as U+2423 (␣) each, so that such a name is seen for what it is rather than as a
// blank or cut-off cell. Only for showing: the value itself stays as it is.
QString forCell(const QString &text);

// Whether `c` shows nothing or changes how others show (see showInvisible()).
bool isInvisible(char16_t c);

// `text` with every character that shows nothing, or changes how others show, written as
// \uXXXX: bidirectional controls, zero-width characters, the byte order mark, C0 and C1
// controls. What the details pane shows, so that a name that looks like another is told apart.
QString showInvisible(const QString &text);

} // namespace UntrustedText
