#include "TokenDetailsPane.h"

#include "Icons.h"
#include "model/BuildTokenTableModel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *copyButton(QWidget *parent, const QString &what, const std::function<QString()> &text)
{
    auto *button = new QToolButton(parent);
    button->setIcon(Icons::themed(u"edit-copy"_s));
    button->setToolTip(QObject::tr("Copy %1").arg(what));
    button->setAccessibleName(QObject::tr("Copy %1").arg(what));
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
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows); // labels above: the ids need the width
    m_fields << addField(form, tr("Name:"), tr("the name"), u"detailName"_s)
             << addField(form, tr("UUID:"), tr("the UUID"), u"detailUuid"_s)
             << addField(form, tr("Cloudflare token ID:"), tr("the Cloudflare token ID"), u"detailTokenId"_s)
             << addField(form, tr("Owner type:"), tr("the owner type"), u"detailOwnerType"_s);
    for (int column : {int(BuildTokenTableModel::Uuid), int(BuildTokenTableModel::CloudflareTokenId)})
        m_fields[column]->setFont(fixed);

    m_rawJson = new QPlainTextEdit(details);
    m_rawJson->setObjectName(u"detailRawJson"_s);
    m_rawJson->setReadOnly(true);
    m_rawJson->setFont(fixed);
    m_rawJson->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rawJson->setAccessibleName(tr("Raw JSON"));
    auto *jsonHeader = new QHBoxLayout;
    jsonHeader->addWidget(new QLabel(tr("Raw JSON, as the API sent it:"), details), 1);
    jsonHeader->addWidget(copyButton(details, tr("the raw JSON"), [this] { return m_rawJson->toPlainText(); }));

    m_selectionLabel = new QLabel(details);
    m_selectionLabel->setObjectName(u"detailSelection"_s);
    m_selectionLabel->setEnabled(false);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_selectionLabel);
    detailsLayout->addLayout(form);
    detailsLayout->addLayout(jsonHeader);
    detailsLayout->addWidget(m_rawJson, 1);

    m_placeholder = new QLabel(tr("Select a token to see its details."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_stack);
    showToken(nullptr, 0);
}

QLineEdit *TokenDetailsPane::addField(QFormLayout *form, const QString &label, const QString &what, const QString &name)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(copyButton(this, what, [edit] { return edit->text(); }));
    form->addRow(label, row);
    return edit;
}

void TokenDetailsPane::showToken(const BuildToken *token, int selectedCount)
{
    if (!token) {
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    for (int column = 0; column < m_fields.size(); ++column) {
        m_fields[column]->setText(BuildTokenTableModel::field(*token, column));
        m_fields[column]->setCursorPosition(0);
    }
    m_rawJson->setPlainText(QString::fromUtf8(QJsonDocument(token->raw).toJson(QJsonDocument::Indented)));
    m_selectionLabel->setText(selectedCount > 1 ? tr("%1 rows selected; showing the current one.").arg(selectedCount) : QString());
    m_selectionLabel->setVisible(selectedCount > 1);
    m_stack->setCurrentIndex(1);
}
