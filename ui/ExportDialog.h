#pragma once

#include "export/TokenExport.h"
#include "settings/AppSettings.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class ExportJob;
class QCheckBox;
class QComboBox;
class ToneLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

// Where and how to export: the selected rows or all rows shown, CSV / JSON / NDJSON, the
// Excel-friendly byte order mark, the file. Remembers the last folder and format. The
// writing itself is the caller's (`write`, an ExportJob on a worker thread): the dialog shows
// its progress, Cancel stops it, and a failure keeps the dialog open with why.
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
    // A job for the request, not started yet.
    using Writer = std::function<ExportJob *(const Request &)>;

    ExportDialog(AppSettings settings, int selectedCount, int shownCount, Writer write, QWidget *parent = nullptr);

    void reject() override; // also cancels an export in progress

private:
    TokenExport::Format format() const;
    void setWriting(bool writing);
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
    ToneLabel *m_resultLabel;
    QPushButton *m_exportButton;
    QProgressBar *m_progress;
    QList<QWidget *> m_inputs; // disabled while the file is written
    QPointer<ExportJob> m_job;
    QString m_confirmedPath; // an existing file the person agreed to replace
};
