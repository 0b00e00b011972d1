#include "TokenDetailsPane.h"

#include "Icons.h"
#include "Theme.h"
#include "TokenTableView.h"
#include "export/TokenExport.h"
#include "model/BuildTokenFilterModel.h"
#include "model/EnrichmentText.h"
#include "model/TokenColumns.h"
#include "model/UntrustedText.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *copyButton(QWidget *parent, const QString &label, const std::function<QString()> &text)
{
    auto *button = new QToolButton(parent);
    button->setIcon(Icons::themed(u"edit-copy"_s));
    button->setToolTip(label);
    button->setAccessibleName(label);
    button->setAutoRaise(true);
    QObject::connect(button, &QToolButton::clicked, parent, [text] { QGuiApplication::clipboard()->setText(text()); });
    return button;
}

} // namespace

TokenDetailsPane::TokenDetailsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"detailsPane"_s);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *details = new QWidget(this);
    auto *form = m_form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above: the ids need the width
    for (const ColumnSpec &column : TokenColumns::all()) {
        QLineEdit *field = addField(form, column.displayTitle(), u"detail_"_s + column.id, int(m_fields.size()));
        if (column.monospace)
            field->setFont(fixed);
        // The whole id in view: the pane opens this wide (the window's details width).
        if (!column.widthSample.isEmpty())
            field->setMinimumWidth(QFontMetrics(field->font()).horizontalAdvance(column.widthSample)
                                   + 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth) + 8);
        m_fields << field;
    }

    // What a health check and a usage scan found: why, the API token behind the build token,
    // and the triggers that build with it.
    m_health = new QLabel(details);
    m_health->setObjectName(u"detailHealth"_s);
    m_health->setTextFormat(Qt::PlainText); // the API token's name and policies are the server's
    m_health->setWordWrap(true);
    m_health->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_health->setAccessibleName(tr("Health"));

    m_rawJson = new QPlainTextEdit(details);
    m_rawJson->setObjectName(u"detailRawJson"_s);
    m_rawJson->setReadOnly(true);
    m_rawJson->setFont(fixed);
    m_rawJson->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rawJson->setAccessibleName(tr("JSON"));
    // Six lines at least: in a short window the pane scrolls to it rather than squeezing it.
    m_rawJson->setMinimumHeight(6 * QFontMetrics(fixed).lineSpacing() + 2 * m_rawJson->frameWidth()
                                + int(2 * m_rawJson->document()->documentMargin()));
    auto *jsonHeader = new QHBoxLayout;
    // Rebuilt from the fields (the API's object is not kept): the columns' fields in column
    // order, then any the app does not know.
    auto *jsonLabel = new QLabel(tr("As JSON:"), details); // short: the pane is narrow
    jsonLabel->setToolTip(tr("The token's fields in column order, then any fields the app does not show"));
    jsonHeader->addWidget(jsonLabel, 1);
    jsonHeader->addWidget(copyButton(details, tr("Copy the JSON"), [this] { return m_rawJson->toPlainText(); }));

    m_selectionLabel = new ToneLabel(ToneLabel::Tone::Muted, details);
    m_selectionLabel->setObjectName(u"detailSelection"_s);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_selectionLabel);
    detailsLayout->addLayout(form);
    detailsLayout->addWidget(m_health);
    detailsLayout->addLayout(jsonHeader);
    detailsLayout->addWidget(m_rawJson, 1);

    m_placeholder = new ToneLabel(ToneLabel::Tone::Muted, this);
    m_placeholder->setText(tr("Select a token to see its details."));
    m_placeholder->setAlignment(Qt::AlignCenter);

    // The fields scroll: their height would otherwise be the window's least height (730 px,
    // taller than a laptop's 768 less a panel).
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"detailsScroll"_s);
    scroll->setAccessibleName(tr("Token details"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(details);
    // Wide enough for the fields beside the scroll bar: the ids stay whole, and the fields
    // never scroll sideways.
    scroll->setMinimumWidth(details->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, scroll));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_stack);
    showToken(nullptr, 0);
}

QLineEdit *TokenDetailsPane::addField(QFormLayout *form, const QString &title, const QString &name, int column)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setAccessibleName(title);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    // Whole sentences for translators: "Copy %1" would glue a title into a sentence.
    row->addWidget(copyButton(this, tr("Copy the field \u201c%1\u201d").arg(title),
                              [this, column] { return TokenColumns::at(column).cell(m_token); }));
    form->addRow(tr("%1:", "a field's label in the details pane").arg(title), row);
    return edit;
}

void TokenDetailsPane::showToken(const BuildToken *token, int selectedCount)
{
    if (!token) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_token = *token;
    for (int column = 0; column < m_fields.size(); ++column) {
        // A name with a right-to-left override or a zero-width space looks like another one:
        // here it is told apart.
        // A health or usage field shows once a check or scan told; before, it would be blank.
        const ColumnSpec::Group group = TokenColumns::at(column).group;
        m_form->setRowVisible(column, group == ColumnSpec::Group::Listing
                                          || (group == ColumnSpec::Group::Health && token->health)
                                          || (group == ColumnSpec::Group::Usage && token->usage));
        m_fields[column]->setText(UntrustedText::showInvisible(TokenColumns::at(column).cell(*token)));
        m_fields[column]->setCursorPosition(0);
    }
    // Escaped line by line: the line breaks between members are the layout, and JSON keeps
    // every other one escaped already, so \uXXXX leaves it JSON of the same meaning.
    QStringList lines =
        QString::fromUtf8(TokenExport::toJsonObject(*token, 0, true, TokenColumns::forTokens({*token}))).split(u'\n');
    for (QString &line : lines)
        line = UntrustedText::showInvisible(line);
    m_rawJson->setPlainText(lines.join(u'\n'));
    QStringList found;
    if (token->health)
        found << EnrichmentText::health(*token->health);
    if (token->usage)
        found << EnrichmentText::usage(*token->usage);
    m_health->setText(found.join(u"\n\n"_s));
    m_health->setVisible(!found.isEmpty());
    m_selectionLabel->setText(selectedCount > 1 ? tr("%n rows selected; showing the current one.", nullptr, selectedCount) : QString());
    m_selectionLabel->setVisible(selectedCount > 1);
    m_stack->setCurrentIndex(1);
}

void TokenDetailsPane::follow(const QAbstractItemView *view, const BuildTokenFilterModel *tokens)
{
    Q_ASSERT(view->model() == tokens);
    QItemSelectionModel *selection = view->selectionModel();
    const auto update = [this, selection, tokens] {
        const QModelIndex current = selection->currentIndex();
        const int selected = TokenTableView::selectedRowCount(selection);
        const bool shown = current.isValid() && selection->isRowSelected(current.row(), QModelIndex());
        showToken(shown ? &tokens->token(current.row()) : nullptr, selected);
    };
    connect(selection, &QItemSelectionModel::selectionChanged, this, update);
    connect(selection, &QItemSelectionModel::currentRowChanged, this, update);
    // A model reset clears the selection without selectionChanged, and rows filtered out
    // may take the current one along without currentRowChanged.
    connect(tokens, &QAbstractItemModel::modelReset, this, update);
    connect(tokens, &QAbstractItemModel::rowsRemoved, this, update);
    connect(tokens, &QAbstractItemModel::dataChanged, this, update);
}
