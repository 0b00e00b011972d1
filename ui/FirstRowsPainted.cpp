#include "FirstRowsPainted.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

Q_LOGGING_CATEGORY(lcStartup, "btb.startup", QtWarningMsg)

namespace {

class FirstRowsWatcher : public QObject
{
public:
    FirstRowsWatcher(QAbstractItemView *view, std::function<void(int)> painted)
        : QObject(view), m_view(view), m_painted(std::move(painted))
    {
        view->viewport()->installEventFilter(this);
    }

    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_view->model() && m_view->model()->rowCount() > 0) {
            m_view->viewport()->removeEventFilter(this);
            // Once this paint is handled: the frame is drawn by then.
            QTimer::singleShot(0, this, [this, rows = m_view->model()->rowCount()] {
                m_painted(rows);
                deleteLater();
            });
        }
        return false;
    }

private:
    QAbstractItemView *m_view;
    std::function<void(int)> m_painted;
};

} // namespace

void whenFirstRowsPainted(QAbstractItemView *view, std::function<void(int rows)> painted)
{
    new FirstRowsWatcher(view, std::move(painted));
}
