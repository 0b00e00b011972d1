#include "FilterBar.h"

#include "ClearButton.h"
#include "model/BuildTokenFilterModel.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

FilterBar::FilterBar(BuildTokenFilterModel *tokens, QWidget *parent)
    : QWidget(parent),
      m_tokens(tokens),
      m_edit(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_debounce(new QTimer(this))
{
    Q_ASSERT(tokens->sourceModel());
    m_edit->setObjectName(u"filterEdit"_s);
    m_edit->setPlaceholderText(tr("Filter the rows shown (Ctrl+F): any column, any case"));
    addClearButton(m_edit, tr("Clear the filter"));
    m_edit->setAccessibleName(tr("Filter"));
    m_edit->installEventFilter(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyFilter);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Clearing is one step, not typing: it shows every row at once.
        if (text.isEmpty() || m_tokens->sourceModel()->rowCount() < DebounceFromRows)
            applyFilter();
        else
            m_debounce->start();
    });
    m_count->setObjectName(u"filterCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    // A screen reader hears the count once typing pauses, not at every key.
    m_announce = new QTimer(this);
    m_announce->setSingleShot(true);
    m_announce->setInterval(AnnounceAfterMs);
    connect(m_announce, &QTimer::timeout, this, [this] {
        QAccessibleEvent alert(m_count, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    });

    // Rows the filter hides change the source's count without a signal from the proxy.
    for (QAbstractItemModel *model : QList<QAbstractItemModel *>{m_tokens, m_tokens->sourceModel()}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FilterBar::updateCount);
    }

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::clear()
{
    m_edit->clear();
}

void FilterBar::applyFilter()
{
    m_debounce->stop();
    m_tokens->setFilterText(m_edit->text().trimmed());
    updateCount(); // a filter that hides no row changes no row, but the count appears
    if (!m_tokens->filterText().isEmpty())
        m_announce->start();
}

void FilterBar::updateCount()
{
    const bool filtering = !m_tokens->filterText().isEmpty();
    m_count->setText(filtering ? tr("%1 of %2 shown").arg(m_tokens->rowCount()).arg(m_tokens->sourceModel()->rowCount())
                               : QString());
    m_edit->setAccessibleDescription(m_count->text()); // read with the field
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Taken at ShortcutOverride, which comes before the window's Esc shortcut (Cancel) would.
    if (watched == m_edit && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_edit->text().isEmpty()) {
        if (event->type() == QEvent::KeyPress)
            m_edit->clear();
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
