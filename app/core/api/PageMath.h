#pragma once

#include "PageInfo.h"

#include <QtGlobal>

#include <limits>
#include <optional>

// Page arithmetic on numbers a server sent: the parser lets counts up to 2^53 through, and a
// hostile server claims that many pages, so nothing here overflows for any qint64 or int, and
// every page number it gives can be asked for. Pages count from 1, rows from 0.
namespace PageMath {

// The last page a page number (an int, as requests, the page box and --page take it) names.
constexpr int LastPage = std::numeric_limits<int>::max();

// Pages that `count` items fill at `perPage` a page: 0 for none (a count below 0 is none, a
// page size below 1 is 1). Never more than `count`.
qint64 pagesFor(qint64 count, qint64 perPage);

// total_pages, else the pages total_count fills at `perPage`; nullopt when neither came.
std::optional<qint64> totalPages(const PageInfo &info, qint64 perPage);

// The last page of `totalPages` that a page number can name: 1 to LastPage (page 1 can always
// be asked for, also of an empty list).
int lastNameablePage(qint64 totalPages);

// The first row of `page` at `perPage` a page (a page below 1 is page 1, a size below 1 is 1).
qint64 firstRowOf(int page, int perPage);

// The page holding `row` at `perPage` a page, or LastPage when that is past what a page number
// names (a row below 0 is row 0, a size below 1 is 1).
int pageOfRow(qint64 row, int perPage);

} // namespace PageMath
