#include "TokenColumns.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

QString ColumnSpec::displayTitle() const
{
    return QCoreApplication::translate("TokenColumns", title);
}

namespace TokenColumns {

namespace {

QList<ColumnSpec> &registry()
{
    // In enum Column's order; append new columns at the end.
    static QList<ColumnSpec> columns{
        {u"name"_s, u"build_token_name"_s, QT_TRANSLATE_NOOP("TokenColumns", "Name"),
         [](const BuildToken &t) { return t.name; }, nullptr, true, {}, true, false, true},
        {u"uuid"_s, u"build_token_uuid"_s, QT_TRANSLATE_NOOP("TokenColumns", "UUID"),
         [](const BuildToken &t) { return t.uuid; }, nullptr, true, u"00000000-0000-0000-0000-000000000000"_s, true, true},
        {u"cloudflare_token_id"_s, u"cloudflare_token_id"_s, QT_TRANSLATE_NOOP("TokenColumns", "Cloudflare token ID"),
         [](const BuildToken &t) { return t.cloudflareTokenId; }, nullptr, true, u"00000000000000000000000000000000"_s, true, true},
        {u"owner_type"_s, u"owner_type"_s, QT_TRANSLATE_NOOP("TokenColumns", "Owner type"),
         [](const BuildToken &t) { return t.ownerType; }},
    };
    return columns;
}

} // namespace

const QList<ColumnSpec> &all()
{
    return registry();
}

void append(const ColumnSpec &column)
{
    registry().append(column);
}

int indexOf(const QString &id)
{
    for (int column = 0; column < count(); ++column) {
        if (at(column).id == id)
            return column;
    }
    return -1;
}

} // namespace TokenColumns
