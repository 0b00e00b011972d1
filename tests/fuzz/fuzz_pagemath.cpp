// libFuzzer target for the page arithmetic (api/PageMath) on numbers from a hostile server. The
// first 32 bytes are a count, a page count and a row (qint64 each), a page and a page size (int
// each), in the machine's byte order; the rest is an envelope whose result_info goes through the
// real parser into the same functions. Every result must be in range, monotonic where it must
// be and agree with the long way round; an overflow on the way is UBSan's to catch.

#include "api/BuildTokensService.h"
#include "api/EnvelopeParser.h"
#include "api/PageMath.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace {

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr int IntMax = std::numeric_limits<int>::max();

struct Numbers
{
    qint64 count = 0;
    qint64 totalPages = 0;
    qint64 row = 0;
    int page = 0;
    int perPage = 0;
};
static_assert(sizeof(Numbers) == 32, "the layout the seeds are written in");

void check(bool holds)
{
    if (!holds)
        __builtin_trap();
}

// ceil(count / perPage) without the sum that overflows; more items never take fewer pages,
// larger pages never more.
void checkPagesFor(qint64 count, qint64 perPage)
{
    const qint64 pages = PageMath::pagesFor(count, perPage);
    const qint64 size = std::max<qint64>(perPage, 1);
    check(count <= 0 ? pages == 0 : pages == (count - 1) / size + 1);
    if (count < Int64Max)
        check(PageMath::pagesFor(count + 1, perPage) >= pages);
    if (size < Int64Max)
        check(PageMath::pagesFor(count, size + 1) <= pages);
}

void checkLastNameablePage(qint64 totalPages)
{
    const int last = PageMath::lastNameablePage(totalPages);
    check(last >= 1 && last <= PageMath::LastPage);
    check(totalPages < 1 || totalPages > PageMath::LastPage || last == totalPages);
    if (totalPages < Int64Max)
        check(PageMath::lastNameablePage(totalPages + 1) >= last);
}

// A page's rows are its own: its first and last row are on it, the row after them on the next.
void checkRowsOfPage(int page, int perPage)
{
    const int shown = std::max(page, 1);
    const int size = std::max(perPage, 1);
    const qint64 first = PageMath::firstRowOf(page, perPage);
    check(first >= 0 && first % size == 0 && first / size == shown - 1);
    check(PageMath::pageOfRow(first, perPage) == shown);
    check(PageMath::pageOfRow(first + size - 1, perPage) == shown);
    if (shown < PageMath::LastPage) {
        check(PageMath::firstRowOf(shown + 1, perPage) == first + size);
        check(PageMath::pageOfRow(first + size, perPage) == shown + 1);
    }
}

// The page of a row starts at or before it and, unless no page number reaches that far, ends
// after it; later rows are never on earlier pages, larger pages never put a row further on.
void checkPageOfRow(qint64 row, int perPage)
{
    const int page = PageMath::pageOfRow(row, perPage);
    const qint64 shown = std::max<qint64>(row, 0);
    check(page >= 1 && page <= PageMath::LastPage);
    check(PageMath::firstRowOf(page, perPage) <= shown);
    check(page == PageMath::LastPage || shown < PageMath::firstRowOf(page + 1, perPage));
    if (row < Int64Max)
        check(PageMath::pageOfRow(row + 1, perPage) >= page);
    if (perPage < IntMax)
        check(PageMath::pageOfRow(row, std::max(perPage, 1) + 1) <= page);
}

// What the session and the all-pages run make of a page the parser let through.
void checkResultInfo(const QByteArray &body, int perPage)
{
    const int asked = std::clamp(perPage, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage);
    const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
    if (!envelope.ok())
        return;
    const ApiResult<BuildTokenPage> page = EnvelopeParser::parseBuildTokenPage(envelope.value(), asked);
    if (!page.ok())
        return;
    const PageInfo &info = page.value().info;
    for (const std::optional<qint64> &number : {info.page, info.perPage, info.count, info.totalCount, info.totalPages}) {
        if (!number)
            continue;
        checkPagesFor(*number, asked);
        checkLastNameablePage(*number);
        checkPageOfRow(*number, asked);
    }
    const std::optional<qint64> total = PageMath::totalPages(info, asked);
    check(total.has_value() == (info.totalPages || info.totalCount));
    if (!total)
        return;
    check(info.totalPages ? *total == *info.totalPages : *total == PageMath::pagesFor(*info.totalCount, asked));
    checkLastNameablePage(*total);
    checkRowsOfPage(PageMath::lastNameablePage(*total), asked);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Numbers numbers;
    const size_t numbersSize = std::min(size, sizeof numbers);
    if (numbersSize > 0) // memcpy from the null pointer an empty input may come as is undefined
        std::memcpy(&numbers, data, numbersSize);
    checkPagesFor(numbers.count, numbers.totalPages);
    checkPagesFor(numbers.count, numbers.perPage);
    checkLastNameablePage(numbers.totalPages);
    checkRowsOfPage(numbers.page, numbers.perPage);
    checkPageOfRow(numbers.row, numbers.perPage);
    checkPageOfRow(numbers.count, numbers.perPage);
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data) + numbersSize,
                                                    qsizetype(size - numbersSize));
    checkResultInfo(body, numbers.perPage);
    return 0;
}
