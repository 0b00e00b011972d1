#pragma once

#include "export/TokenExport.h"
#include "settings/AppSettings.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Where and how to export: the selected rows or all rows shown, CSV / JSON / NDJSON, the
// Excel-friendly byte order mark, the file. Remembers the last folder and format. The
// writing itself is the caller's (`write`), so a failure keeps the dialog open with why.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Request
    {
        bool selectedOnly = false;
        TokenExport::Format format = TokenExport::Format::Csv;
        bool excelBom = false;
        QString path;
    };
    // Returns an error for a person, or empty on success.
    using Writer = std::function<QString(const Request &)>;

    ExportDialog(AppSettings settings, int selectedCount, int shownCount, Writer write, QWidget *parent = nullptr);

private:
    TokenExport::Format format() const;
    void onFormatChanged();
    void browse();
    void exportNow();
    void showResult(const QString &text);

    AppSettings m_settings;
    Writer m_write;
    QRadioButton *m_selectedOnly;
    QRadioButton *m_allShown;
    QComboBox *m_formatBox;
    QCheckBox *m_bomBox;
    QLineEdit *m_pathEdit;
    QLabel *m_resultLabel;
    QPushButton *m_exportButton;
    QString m_confirmedPath; // an existing file the person agreed to replace
};
