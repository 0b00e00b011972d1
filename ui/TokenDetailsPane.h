#pragma once

#include "api/BuildToken.h"

#include <QWidget>

class BuildTokenFilterModel;
class QAbstractItemView;
class ToneLabel;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

// The fields of the token in focus (one per TokenColumns entry) and the token as JSON, each
// with a copy button.
class TokenDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit TokenDetailsPane(QWidget *parent = nullptr);

    // `token` null: nothing to show; `selectedCount` says how many rows are selected.
    void showToken(const BuildToken *token, int selectedCount);
    // From now on shows the current row of `view` (whose model is `tokens`) while that row
    // is selected, through selection changes, filtering, sorting, edits and a cleared listing.
    void follow(const QAbstractItemView *view, const BuildTokenFilterModel *tokens);

private:
    // The field shows the value with its invisible characters written out; Copy copies the
    // value itself (`column` of m_token).
    QLineEdit *addField(QFormLayout *form, const QString &title, const QString &name, int column);

    QStackedWidget *m_stack;
    ToneLabel *m_placeholder;
    ToneLabel *m_selectionLabel;
    QFormLayout *m_form;          // a row per field, in TokenColumns order
    QList<QLineEdit *> m_fields; // in TokenColumns order
    BuildToken m_token;           // shown, for Copy
    QLabel *m_health; // the health check's findings, hidden until one told
    QPlainTextEdit *m_rawJson;
};
