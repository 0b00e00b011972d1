#pragma once

#include "../api/BuildToken.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

// One column of the token table, and of everything else that shows or writes a token: the
// model, the filter, the details pane, every export writer and the CLI's table read this
// list, so a new column is one entry in TokenColumns.cpp plus the data it reads.
struct ColumnSpec
{
    // The listing's own fields, and those a health check and a usage scan add (the CLI writes
    // each group only when asked; the app always has them all).
    enum class Group { Listing, Health, Usage };

    QString id;        // stable, never translated: settings and scripts may name it
    QString apiField;  // the API's name for it: JSON keys and the CSV header
    const char *title; // marked with QT_TRANSLATE_NOOP("TokenColumns", ...)
    QString (*value)(const BuildToken &token); // what every writer writes (and a cell, unless `display`)
    // What sorting compares (a number, a date); null sorts the value as text, by collation.
    QVariant (*sortKey)(const BuildToken &token) = nullptr;
    bool filterable = true;
    // A value as wide as the column's usual widest, which the view measures in its font (so
    // the width follows the font and the scale); empty: as wide as the title.
    QString widthSample = {};
    bool visibleByDefault = true;
    bool monospace = false; // ids: easier to compare in a fixed font
    bool stretch = false;   // takes the table's spare width (the one column a person reads)
    Group group = Group::Listing;
    // What a cell and the clipboard show, where that is words rather than the value ("Active"
    // in the user's language for "active"); null: the value.
    QString (*display)(const BuildToken &token) = nullptr;
    // The JSON value, where it is not the value as a string (null while not known); null: the
    // value as a string.
    QJsonValue (*jsonValue)(const BuildToken &token) = nullptr;
    // What the cell's tooltip says where it tells more than the cell (why a health is what it
    // is); null, or an empty result: the cell's text.
    QString (*toolTip)(const BuildToken &token) = nullptr;
    // Whether the filter text is in the cell, where that can be told without making the cell
    // (ids); null: the cell contains it, case-insensitively.
    bool (*contains)(const BuildToken &token, const QString &text) = nullptr;

    QString displayTitle() const; // the title in the user's language
    QString cell(const BuildToken &token) const { return display ? display(token) : value(token); }
};

namespace TokenColumns {

// Positions in all(), for the code that names a particular column. The list is append-only:
// saved header states and exported column orders rely on a column keeping its place.
enum Column : int { Name, Uuid, CloudflareTokenId, OwnerType, Health, TokenStatus, ExpiresOn, LastUsedOn, UsedBy };

const QList<ColumnSpec> &all();
inline int count() { return int(all().size()); }
inline const ColumnSpec &at(int column) { return all().at(column); }
// The position of the column with this id, or -1.
int indexOf(const QString &id);
// The positions of the columns of these groups, in order: what a writer writes.
QList<int> ofGroups(const QList<ColumnSpec::Group> &groups);
// Those of the listing alone (the CLI's default).
inline QList<int> listing() { return ofGroups({ColumnSpec::Group::Listing}); }
// What an export of `tokens` writes: the listing's columns, the health ones once a check told
// any of them, and Used by once a scan did (so an export before either is the CLI's plain one).
QList<int> forTokens(const QList<BuildToken> &tokens);
// Adds a column at the end, before any model or view is made: how the tests prove that one
// entry reaches every reader.
void append(const ColumnSpec &column);

} // namespace TokenColumns
