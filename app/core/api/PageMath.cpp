#include "PageMath.h"

#include <algorithm>

namespace PageMath {

qint64 pagesFor(qint64 count, qint64 perPage)
{
    if (count <= 0)
        return 0;
    perPage = std::max<qint64>(perPage, 1);
    // (count + perPage - 1) / perPage passes INT64_MAX on the way for a count near it.
    return count / perPage + (count % perPage != 0 ? 1 : 0);
}

std::optional<qint64> totalPages(const PageInfo &info, qint64 perPage)
{
    if (info.totalPages)
        return info.totalPages;
    if (info.totalCount)
        return pagesFor(*info.totalCount, perPage);
    return std::nullopt;
}

int lastNameablePage(qint64 totalPages)
{
    return int(std::clamp<qint64>(totalPages, 1, LastPage));
}

qint64 firstRowOf(int page, int perPage)
{
    // At most (INT_MAX - 1) * INT_MAX: well within a qint64.
    return (qint64(std::max(page, 1)) - 1) * std::max(perPage, 1);
}

int pageOfRow(qint64 row, int perPage)
{
    const qint64 before = std::max<qint64>(row, 0) / std::max(perPage, 1); // pages before the row's
    return before >= LastPage ? LastPage : int(before) + 1;
}

} // namespace PageMath
