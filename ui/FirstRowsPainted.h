#pragma once

#include <QLoggingCategory>

#include <functional>

class QAbstractItemView;

// "btb.startup": off unless asked for (QT_LOGGING_RULES="btb.startup.info=true"). The app says
// there when its table first painted rows, which shows that a start works end to end where
// nobody looks at the window: the package's check in a bare system, offscreen.
Q_DECLARE_LOGGING_CATEGORY(lcStartup)

// Calls `painted` once, just after `view` has painted rows for the first time, with the number
// of rows its model then had; the watch ends there.
void whenFirstRowsPainted(QAbstractItemView *view, std::function<void(int rows)> painted);
