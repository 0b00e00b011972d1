#include "ExportDialog.h"

#include "Theme.h"
#include "export/ExportJob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ExportDialog::ExportDialog(AppSettings settings, int selectedCount, int shownCount, Writer write, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_write(std::move(write))
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export Build Tokens"));
    setAttribute(Qt::WA_DeleteOnClose);

    m_selectedOnly = new QRadioButton(tr("&Selected rows (%1)").arg(selectedCount), this);
    m_selectedOnly->setObjectName(u"selectedOnlyRadio"_s);
    m_selectedOnly->setEnabled(selectedCount > 0);
    m_allShown = new QRadioButton(tr("All rows &shown (%1)").arg(shownCount), this);
    m_allShown->setObjectName(u"allShownRadio"_s);
    (selectedCount > 0 ? m_selectedOnly : m_allShown)->setChecked(true);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_selectedOnly);
    scope->addWidget(m_allShown);

    m_formatBox = new QComboBox(this);
    m_formatBox->setObjectName(u"formatBox"_s);
    m_formatBox->addItem(tr("CSV (spreadsheets)"), TokenExport::formatName(TokenExport::Format::Csv));
    m_formatBox->addItem(tr("JSON (an array of objects)"), TokenExport::formatName(TokenExport::Format::Json));
    m_formatBox->addItem(tr("NDJSON (one object a line)"), TokenExport::formatName(TokenExport::Format::Ndjson));
    m_formatBox->setCurrentIndex(m_formatBox->findData(TokenExport::formatName(m_settings.exportFormat())));
    m_bomBox = new QCheckBox(tr("&Excel-friendly (UTF-8 byte order mark)"), this);
    m_bomBox->setObjectName(u"excelBomBox"_s);
    m_bomBox->setToolTip(tr("Excel reads a CSV file as UTF-8 only when it starts with a byte order mark"));
    m_bomBox->setChecked(m_settings.exportExcelBom());

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(u"pathEdit"_s);
    QString folder = m_settings.exportFolder();
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath(); // a fresh account may have no Documents folder yet
    m_pathEdit->setText(QDir(folder).filePath(u"build-tokens."_s + TokenExport::fileSuffix(format())));
    connect(m_pathEdit, &QLineEdit::textChanged, this, [this] { m_confirmedPath.clear(); });
    auto *browseButton = new QPushButton(tr("&Browse\u2026"), this);
    browseButton->setObjectName(u"browseButton"_s);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(browseButton);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Rows:"), scope);
    form->addRow(tr("&Format:"), m_formatBox);
    form->addRow(QString(), m_bomBox);
    auto *fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_pathEdit);
    form->addRow(fileLabel, pathRow);

    m_resultLabel = new ToneLabel(ToneLabel::Tone::Error, this); // file names and the system's messages
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setAccessibleName(tr("Rows written"));
    m_progress->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setDefault(true);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_formatBox, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    m_bomBox->setEnabled(format() == TokenExport::Format::Csv);
    m_inputs = {m_selectedOnly, m_allShown, m_formatBox, m_bomBox, m_pathEdit, browseButton, m_exportButton};
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

TokenExport::Format ExportDialog::format() const
{
    return TokenExport::formatFromName(m_formatBox->currentData().toString()).value_or(TokenExport::Format::Csv);
}

void ExportDialog::onFormatChanged()
{
    m_bomBox->setEnabled(format() == TokenExport::Format::Csv);
    // The file name follows the format, as far as it was ours.
    const QFileInfo info(m_pathEdit->text());
    if (TokenExport::formatFromName(info.suffix().toLower()))
        m_pathEdit->setText(info.dir().filePath(info.completeBaseName() + u'.' + TokenExport::fileSuffix(format())));
}

void ExportDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Export To"), m_pathEdit->text());
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(TokenExport::fileSuffix(format()));
    chooser->selectFile(m_pathEdit->text());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_pathEdit->setText(path);
        m_confirmedPath = path; // the file dialog asked before replacing
    });
    chooser->open();
}

void ExportDialog::exportNow()
{
    const QString path = m_pathEdit->text().trimmed();
    if (path.isEmpty()) {
        showResult(tr("Choose a file to export to."));
        return;
    }
    if (QFileInfo::exists(path) && path != m_confirmedPath) {
        m_confirmedPath = path;
        showResult(tr("%1 exists. Press Export again to replace it.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const Request request{m_selectedOnly->isChecked(), format(), m_bomBox->isEnabled() && m_bomBox->isChecked(), path};
    m_job = m_write(request);
    connect(m_job, &ExportJob::progress, m_progress, [this](qint64 written, qint64 total) {
        m_progress->setMaximum(int(total));
        m_progress->setValue(int(written));
    });
    connect(m_job, &ExportJob::finished, this, [this, request](const QString &error) {
        setWriting(false);
        if (!error.isEmpty()) {
            showResult(error);
            return;
        }
        m_settings.setExportFolder(QFileInfo(request.path).absolutePath());
        m_settings.setExportFormat(request.format);
        m_settings.setExportExcelBom(m_bomBox->isChecked());
        accept();
    });
    m_progress->setRange(0, qMax(1, int(m_job->rowCount())));
    m_progress->setValue(0);
    setWriting(true);
    m_job->start();
}

void ExportDialog::setWriting(bool writing)
{
    for (QWidget *input : std::as_const(m_inputs))
        input->setEnabled(!writing);
    if (!writing)
        m_bomBox->setEnabled(format() == TokenExport::Format::Csv);
    m_progress->setVisible(writing);
    if (writing)
        m_resultLabel->hide();
}

void ExportDialog::reject()
{
    if (m_job)
        m_job->cancel(); // it leaves no file, and says so to nobody: the dialog is gone
    QDialog::reject();
}

void ExportDialog::showResult(const QString &text)
{
    m_resultLabel->showResult(text, ToneLabel::Tone::Error);
}
