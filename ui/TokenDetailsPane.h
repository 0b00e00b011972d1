#pragma once

#include "api/BuildToken.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

// The fields of the token in focus and its raw JSON object, each with a copy button.
class TokenDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit TokenDetailsPane(QWidget *parent = nullptr);

    // `token` null: nothing to show; `selectedCount` says how many rows are selected.
    void showToken(const BuildToken *token, int selectedCount);

private:
    QLineEdit *addField(class QFormLayout *form, const QString &label, const QString &what, const QString &name);

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_selectionLabel;
    QList<QLineEdit *> m_fields; // in BuildTokenTableModel column order
    QPlainTextEdit *m_rawJson;
};
