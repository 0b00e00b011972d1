#pragma once

#include <QtGlobal>

#include <optional>

// Cloudflare's `result_info`. Every field is optional in the contract, so each one says
// whether the server sent it.
struct PageInfo
{
    std::optional<qint64> page;
    std::optional<qint64> perPage;
    std::optional<qint64> count;
    std::optional<qint64> totalCount;
    std::optional<qint64> totalPages;
};
