#pragma once

#include <QFrame>

class QAction;
class QHBoxLayout;
class QLabel;

// A problem shown above the table: a bold summary, the details below, the ways on (Retry,
// Edit Profile…) and Dismiss. Its colours come from the palette (a light or a dark theme),
// and it tells a screen reader when it appears.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows the banner; both parts are plain text (HTML-escaped here), details may hold '\n'.
    // `actions` become buttons beside Dismiss, the first one the way on.
    void showMessage(const QString &summary, const QString &details, const QList<QAction *> &actions = {});
    // Hides the banner and forgets the message.
    void clear();
    bool isShowing() const { return !isHidden(); }
    // What is shown, as plain text: the summary, a newline, the details.
    QString text() const { return m_message; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:

    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QString m_message;
};
