// The window as a person uses it, offscreen, against DemoApiServer on loopback, with
// profiles whose secrets live in memory (the keychain has tests of its own).

#include "AccountPicker.h"
#include "ApiFixture.h"
#include "Files.h"
#include "ChildOf.h"
#include "FailingSecretStore.h"
#include "HeldSecretStore.h"
#include "AppCore.h"
#include "AppInfo.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ProfileDialog.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "demo/DemoNetworkAccessManager.h"
#include "export/TokenExport.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"
#include "session/BrowserSession.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScopeGuard>
#include <QRadioButton>
#include <QToolButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QSplitter>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

public slots:
    // QDesktopServices' handler for https while a test stands in for the browser.
    void recordOpenedUrl(const QUrl &url) { m_openedUrls << url; }

private:
    std::unique_ptr<ApiFixture> f;
    QList<QUrl> m_openedUrls;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T *child(const QString &name) const { return childOf<T>(m_window.get(), name); }
    QAbstractItemModel *model() const { return child<QTableView>(u"tokenTable"_s)->model(); }
    QString cell(int row, int column) const { return model()->index(row, column).data().toString(); }
    QTableView *m_table() const { return child<QTableView>(u"tokenTable"_s); }
    QString settingsPath() const { return m_dir.filePath(u"settings.ini"_s); }
    void click(QWidget *button) { QTest::mouseClick(button, Qt::LeftButton); }

    void makeWindow(std::unique_ptr<SecretStore> secrets = std::make_unique<MemorySecretStore>())
    {
        m_window.reset();
        m_core.reset();
        m_profiles.reset();
        m_secrets = std::move(secrets);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
        m_core = std::make_unique<AppCore>(m_profiles.get(), m_settings.get());
        m_window = std::make_unique<MainWindow>(m_core.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void addProfile(const QString &name, const QString &secret, const QString &account = DemoApiServer::accountId(),
                    Credentials::Scheme scheme = Credentials::Scheme::ApiToken)
    {
        Profile profile;
        profile.name = name;
        profile.scheme = scheme;
        profile.email = scheme == Credentials::Scheme::GlobalApiKey ? DemoApiServer::email() : QString();
        profile.accountId = account;
        profile.apiBaseUrl = f->server.baseUrl().toString();
        m_profiles->save(profile);
        m_profiles->keepSecretForSession(name, secret);
    }
    bool loadFirstPage()
    {
        addProfile(u"demo"_s, DemoApiServer::apiToken());
        m_window->selectProfile(u"demo"_s);
        return QTest::qWaitFor([this] { return model()->rowCount() == 50 && !m_window->session()->isBusy(); }, 10000);
    }
    // Keys go to the focus widget of the active window only.
    bool activate()
    {
        QApplication::setActiveWindow(m_window.get());
        return QTest::qWaitForWindowActive(m_window.get());
    }
    void trigger(const QString &actionName) { child<QAction>(actionName)->trigger(); }
    // Ctrl+E, then the dialog filled in and Export pressed; true when the dialog closed.
    bool exportVia(const QString &path, const QString &format, bool selectedOnly)
    {
        trigger(u"exportAction"_s);
        auto *dialog = m_window->findChild<QDialog *>(u"exportDialog"_s);
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return false;
        auto *formats = childOf<QComboBox>(dialog, u"formatBox"_s);
        formats->setCurrentIndex(formats->findData(format));
        childOf<QRadioButton>(dialog, selectedOnly ? u"selectedOnlyRadio"_s : u"allShownRadio"_s)->setChecked(true);
        childOf<QLineEdit>(dialog, u"pathEdit"_s)->setText(path);
        click(childOf<QPushButton>(dialog, u"exportButton"_s));
        return QTest::qWaitFor([this] { return !m_window->findChild<QDialog *>(u"exportDialog"_s); }, 2000);
    }
    static QToolButton *bannerButton(QWidget *banner, const QString &name)
    {
        for (QToolButton *button : banner->findChildren<QToolButton *>()) {
            if (button->accessibleName() == name && button->isVisible())
                return button;
        }
        return nullptr;
    }
    ProfileDialog *openDialog(const QString &button)
    {
        click(child<QPushButton>(button));
        auto *dialog = m_window->findChild<ProfileDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    // Edit -> Preferences from the keyboard (Ctrl+,); the dialog once it shows.
    PreferencesDialog *openPreferences()
    {
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return nullptr;
        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        auto *dialog = m_window->findChild<PreferencesDialog *>(u"preferencesDialog"_s);
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }
    QPushButton *buttonOf(QDialog *dialog, QDialogButtonBox::StandardButton button) const
    {
        return childOf<QDialogButtonBox>(dialog, QString())->button(button);
    }

    // The colour a line edit is filled with, beside its text.
    static QColor backgroundOf(QLineEdit *edit)
    {
        const QImage image = edit->grab().toImage();
        return image.pixelColor(image.width() - 6, image.height() / 2);
    }

    // The controls under `root` a screen reader could not name: walked, not listed, so a new
    // one without a name is found.
    static QStringList unnamedControls(QWidget *root)
    {
        QStringList unnamed;
        const QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            const bool interactive = widget->focusPolicy() != Qt::NoFocus || qobject_cast<QSplitterHandle *>(widget)
                                     || qobject_cast<QAbstractButton *>(widget);
            // Qt's own parts of a scroll area (its viewport) are not controls of their own.
            if (!interactive || !widget->isVisibleTo(root)
                || (widget->objectName().startsWith(u"qt_"_s) && !qobject_cast<QSplitterHandle *>(widget)))
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            // On Linux a combo box's name is its value ("50"); what it chooses comes from the
            // label it is labelled by.
            if (qobject_cast<QComboBox *>(widget)) {
                if (!accessible || accessible->relations(QAccessible::Label).isEmpty())
                    unnamed << u"%1 (%2): no label"_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
                continue;
            }
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << u"%1 (%2)"_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
        }
        return unnamed;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(settingsPath());
        m_openedUrls.clear();
        f = std::make_unique<ApiFixture>();
        f->server.setTokenCount(1234);
        m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
        makeWindow();
    }
    void cleanup()
    {
        m_window.reset();
        m_core.reset();
        m_profiles.reset();
        m_secrets.reset();
        m_settings.reset();
        f.reset();
    }

    void filterSortSelectCopyAndExport()
    {
        QVERIFY(loadFirstPage());
        QVERIFY(activate());
        auto *table = child<QTableView>(u"tokenTable"_s);
        auto *filter = child<QLineEdit>(u"filterEdit"_s);

        // Ctrl+F, then type: 13 of the 50 rows are staging tokens.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"STAGING"_s);
        QCOMPARE(model()->rowCount(), 13);
        QCOMPARE(child<QLabel>(u"filterCount"_s)->text(), u"13 of 50 shown"_s);

        // Sort by name, descending: a click on the header, and another.
        QHeaderView *header = table->horizontalHeader();
        const QPoint nameHeader(header->sectionViewportPosition(TokenColumns::Name) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, nameHeader);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, nameHeader);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QStringList names;
        for (int row = 0; row < model()->rowCount(); ++row)
            names << cell(row, TokenColumns::Name);
        QVERIFY(std::is_sorted(names.rbegin(), names.rend(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; }));

        // Rows 2 and 4 of the view: a click and a Ctrl+click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(1, 0)).center());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, table->visualRect(model()->index(3, 0)).center());
        const QString second = cell(1, TokenColumns::Uuid);
        const QString fourth = cell(3, TokenColumns::Uuid);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        // The details pane shows the current row, the fourth.
        QCOMPARE(child<QLineEdit>(u"detail_uuid"_s)->text(), fourth);
        QVERIFY(child<QPlainTextEdit>(u"detailRawJson"_s)->toPlainText().contains(fourth));

        // Ctrl+C: TSV with a header, in view order.
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], u"Name\tUUID\tCloudflare token ID\tHealth"_s);
        QVERIFY(lines[1].contains(second));
        QVERIFY(lines[2].contains(fourth));

        const auto tokenOf = [this](const QString &uuid) {
            for (const BuildToken &t : f->server.tokens())
                if (t.uuid == uuid)
                    return t;
            return BuildToken{};
        };
        const QList<BuildToken> chosen{tokenOf(second), tokenOf(fourth)};

        // Export the two to CSV, then to JSON (the dialog remembers the format).
        const QString csvPath = m_dir.filePath(u"chosen.csv"_s);
        QVERIFY(exportVia(csvPath, u"csv"_s, true));
        QCOMPARE(readFile(csvPath), TokenExport::toCsv(chosen));
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"Exported 2 tokens to"_s));
        const QString jsonPath = m_dir.filePath(u"chosen.json"_s);
        QVERIFY(exportVia(jsonPath, u"json"_s, true));
        const QJsonArray array = QJsonDocument::fromJson(readFile(jsonPath)).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array[0].toObject().value(u"build_token_uuid"_s).toString(), second);
        QCOMPARE(array[1].toObject().value(u"build_token_uuid"_s).toString(), fourth);

        // The selection survives another sort and a narrower filter that keeps it.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(TokenColumns::Uuid) + 10, header->height() / 2));
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        QStringList selected;
        for (const QModelIndex &index : table->selectionModel()->selectedRows(TokenColumns::Uuid))
            selected << index.data().toString();
        selected.sort();
        QStringList expected{second, fourth};
        expected.sort();
        QCOMPARE(selected, expected);

        // All rows shown: the filter's 13. Esc in the filter clears it.
        const QString allPath = m_dir.filePath(u"shown.ndjson"_s);
        QVERIFY(exportVia(allPath, u"ndjson"_s, false));
        QCOMPARE(readFile(allPath).count('\n'), 13);
        filter->setFocus();
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(model()->rowCount(), 50);
    }

    void guiExportMatchesTheCli()
    {
        QVERIFY(loadFirstPage());
        const QString guiPath = m_dir.filePath(u"gui.csv"_s);
        QVERIFY(exportVia(guiPath, u"csv"_s, false));
        const QString cliPath = m_dir.filePath(u"cli.csv"_s);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(BTB_CLI_PATH), {u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s,
                                                 DemoApiServer::accountId(), u"--format"_s, u"csv"_s, u"--output"_s, cliPath});
        QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(readFile(cliPath), readFile(guiPath));
        QCOMPARE(readFile(guiPath), TokenExport::toCsv(f->server.tokens().mid(0, 50)));
    }

    void aFailedExportSaysWhyAndLeavesNoFile()
    {
        QVERIFY(loadFirstPage());
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir.filePath(u"blocker/out.csv"_s);
        QVERIFY(!exportVia(path, u"csv"_s, false));
        auto *dialog = m_window->findChild<QDialog *>(u"exportDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(childOf<QLabel>(dialog, u"resultLabel"_s)->text().contains(path));
        QVERIFY(!QFile::exists(path));
        dialog->reject();
        QTRY_VERIFY(!m_window->findChild<QDialog *>(u"exportDialog"_s)); // deleted on close

        // An existing file is replaced only after a second press.
        const QString existing = m_dir.filePath(u"existing.csv"_s);
        QVERIFY(TokenExport::saveToFile(existing, "old").isEmpty());
        QVERIFY(!exportVia(existing, u"csv"_s, false));
        dialog = m_window->findChild<QDialog *>(u"exportDialog"_s);
        QVERIFY(childOf<QLabel>(dialog, u"resultLabel"_s)->text().contains(u"exists"_s));
        QCOMPARE(readFile(existing), QByteArray("old"));
        click(childOf<QPushButton>(dialog, u"exportButton"_s));
        QTRY_VERIFY(!m_window->findChild<QDialog *>(u"exportDialog"_s));
        QCOMPARE(readFile(existing), TokenExport::toCsv(f->server.tokens().mid(0, 50)));
    }

    // Shift+F10 opens the current row's menu from the keyboard, as the Menu key does.
    void shiftF10OpensTheRowsMenu()
    {
        QVERIFY(loadFirstPage());
        auto *table = child<QTableView>(u"tokenTable"_s);
        table->setCurrentIndex(model()->index(3, 0));
        QVERIFY(!m_window->findChild<QMenu *>(u"tokenContextMenu"_s));
        // As fingers do it: Shift down, F10, Shift up (which leaves no Shift held for the
        // tests after).
        QTest::keyPress(table, Qt::Key_Shift);
        QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
        QTest::keyRelease(table, Qt::Key_Shift);
        auto *menu = m_window->findChild<QMenu *>(u"tokenContextMenu"_s);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        menu->actions().first()->trigger(); // Copy UUID
        QCOMPARE(QGuiApplication::clipboard()->text(), f->server.tokens().at(3).uuid.toString());
        menu->close();
    }

    void contextMenuAndDetailsCopy()
    {
        QVERIFY(loadFirstPage());
        auto *table = child<QTableView>(u"tokenTable"_s);
        const BuildToken &token = f->server.tokens().at(2);
        emit table->customContextMenuRequested(table->visualRect(model()->index(2, 0)).center());
        auto *menu = m_window->findChild<QMenu *>(u"tokenContextMenu"_s);
        QVERIFY(menu);
        const QList<QAction *> actions = menu->actions();
        auto action = [&actions](const QString &text) {
            for (QAction *a : actions)
                if (a->text().remove(u'&') == text)
                    return a;
            return static_cast<QAction *>(nullptr);
        };
        QVERIFY(action(u"Copy UUID"_s) && action(u"Copy Cloudflare Token ID"_s) && action(u"Copy Row"_s));
        action(u"Copy UUID"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), token.uuid);
        action(u"Copy Cloudflare Token ID"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), token.cloudflareTokenId);
        action(u"Copy Row"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text().split(u'\n').at(1),
                 QStringList({token.name, token.uuid, token.cloudflareTokenId, QString()}).join(u'\t'));
        menu->close();

        table->selectRow(2);
        QCOMPARE(child<QLineEdit>(u"detail_cloudflare_token_id"_s)->text(), token.cloudflareTokenId);
        auto *pane = child<QWidget>(u"detailsPane"_s);
        // The test's window is narrow: the pane starts shut, and F9 opens it wide enough for an id.
        QCOMPARE(pane->width(), 0);
        QVERIFY(!child<QAction>(u"detailsPaneAction"_s)->isChecked());
        QTest::keyClick(table, Qt::Key_F9);
        QTRY_VERIFY(pane->width() >= child<QLineEdit>(u"detail_uuid"_s)->minimumWidth());
        QVERIFY(child<QAction>(u"detailsPaneAction"_s)->isChecked());
        for (QToolButton *button : pane->findChildren<QToolButton *>()) {
            if (button->accessibleName() == u"Copy the field \u201cUUID\u201d"_s)
                click(button);
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), token.uuid);
        click(pane->findChild<QLineEdit *>(u"detail_uuid"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9); // shut again: focus goes back to the table
        QTRY_COMPARE(pane->width(), 0);
        QCOMPARE(QApplication::focusWidget(), table);
    }

    // What a screen reader says for each control of the window.
    void everyInteractiveWidgetHasAnAccessibleName()
    {
        QVERIFY(loadFirstPage());
        trigger(u"detailsPaneAction"_s); // its fields and buttons too
        QTRY_VERIFY(child<QWidget>(u"detailsPane"_s)->width() > 0);
        child<QTableView>(u"tokenTable"_s)->selectRow(0);
        const QStringList unnamed = unnamedControls(m_window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    }

    // Alt+letter reaches one thing: the menus, the labelled fields (the page box too) and
    // the buttons of the window never share a letter.
    void mnemonicsAreUnique()
    {
        QVERIFY(loadFirstPage());
        QMap<QKeySequence, QString> owners;
        QStringList clashes;
        const auto claim = [&](const QString &text, const QString &owner) {
            const QKeySequence key = QKeySequence::mnemonic(text);
            if (key.isEmpty())
                return;
            if (owners.contains(key))
                clashes << u"%1: %2 and %3"_s.arg(key.toString(), owners.value(key), owner);
            owners.insert(key, owner);
        };
        for (QAction *menu : m_window->menuBar()->actions())
            claim(menu->text(), menu->text());
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisibleTo(m_window.get()))
                continue;
            if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
                claim(label->text(), label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(widget))
                claim(button->text(), button->text());
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
        auto *pageBox = child<QSpinBox>(u"pageBox"_s);
        QVERIFY(std::any_of(owners.cbegin(), owners.cend(), [](const QString &owner) { return owner.contains(u"page"_s); }));
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), pageBox);
    }

    void withoutProfilesItSaysWhatToDo()
    {
        QCOMPARE(m_window->windowTitle(), u"Build Token Browser"_s);
        for (const QString &name : {u"copyAction"_s, u"selectAllAction"_s, u"exportAction"_s, u"loadAllPagesAction"_s})
            QVERIFY2(!child<QAction>(name)->isEnabled(), qPrintable(name));
        QVERIFY(child<QLabel>(u"placeholder"_s)->isVisible());
        QVERIFY(child<QLabel>(u"placeholder"_s)->text().contains(u"New Profile"_s));
        QVERIFY(!child<QPushButton>(u"editProfileButton"_s)->isEnabled());
        click(child<QPushButton>(u"loadButton"_s));
        QVERIFY(child<QWidget>(u"errorBanner"_s)->isVisible());
        QVERIFY(child<QLabel>(u"errorText"_s)->text().contains(u"No profile"_s));
        QVERIFY(f->server.requests().isEmpty());
        // Its way on is a profile, not another try.
        QVERIFY(bannerButton(child<QWidget>(u"errorBanner"_s), u"Add a Cloudflare Profile\u2026"_s));
        QVERIFY(!bannerButton(child<QWidget>(u"errorBanner"_s), u"Retry"_s));
    }

    void loadsAndPages()
    {
        QVERIFY(!child<QAction>(u"nextPageAction"_s)->isEnabled());
        QVERIFY(loadFirstPage());
        QCOMPARE(model()->columnCount(), TokenColumns::count());
        QCOMPARE(cell(0, TokenColumns::Name), f->server.tokens().at(0).name);
        QCOMPARE(cell(49, TokenColumns::Uuid), f->server.tokens().at(49).uuid);
        QVERIFY(child<QTableView>(u"tokenTable"_s)->isVisible());
        QVERIFY(child<QLabel>(u"summaryLabel"_s)->text().startsWith(u"Page 1 of 25 \u00b7 "_s));
        QVERIFY(!child<QAction>(u"previousPageAction"_s)->isEnabled());

        trigger(u"nextPageAction"_s);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(50).uuid);
        QTRY_COMPARE(child<QSpinBox>(u"pageBox"_s)->value(), 2);
        QVERIFY(child<QAction>(u"previousPageAction"_s)->isEnabled());

        trigger(u"lastPageAction"_s);
        QTRY_COMPARE(model()->rowCount(), 34);
        QCOMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(1200).uuid);
        QVERIFY(!child<QAction>(u"nextPageAction"_s)->isEnabled());
        QVERIFY(!child<QAction>(u"lastPageAction"_s)->isEnabled());

        trigger(u"previousPageAction"_s);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(1150).uuid);
        trigger(u"firstPageAction"_s);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(0).uuid);
        // The account list was filled once, beside the first load, and not again by paging.
        QTRY_COMPARE(child<AccountPicker>(u"accountPicker"_s)->count(), 3);
        int accountLists = 0;
        for (const DemoApiServer::Request &request : f->server.requests())
            accountLists += request.path.endsWith(u"/accounts"_s) ? 1 : 0;
        QCOMPARE(accountLists, 1);
        // Every request carried the profile's secret.
        for (const DemoApiServer::Request &request : f->server.requests())
            QCOMPARE(request.header("Authorization"), "Bearer " + DemoApiServer::apiToken().toUtf8());
    }

    // Arrows move inside the table; Tab leaves it for what follows on screen.
    void tabLeavesTheTable()
    {
        QVERIFY(loadFirstPage());
        QVERIFY(activate());
        auto *table = child<QTableView>(u"tokenTable"_s);
        table->setFocus();
        table->setCurrentIndex(model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Right);
        QCOMPARE(table->currentIndex().column(), 1);
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != table);
        // The pane is shut in the test's narrow window: the page bar is next.
        QVERIFY2(child<QWidget>(u"pageBox"_s)->parentWidget()->isAncestorOf(QApplication::focusWidget()),
                 QApplication::focusWidget()->metaObject()->className());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), table);
    }

    // Ctrl+E is "end of line" in a Linux line edit: the window's Export wins there.
    void exportFromTheFilterField()
    {
        QVERIFY(loadFirstPage());
        QVERIFY(activate());
        auto *filter = child<QLineEdit>(u"filterEdit"_s);
        filter->setFocus();
        QTest::keyClicks(filter, u"prod"_s);
        QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"exportDialog"_s)) != nullptr);
        dialog->reject();
        // Its own keys stay its own: Ctrl+A selects the text, not the rows.
        filter->setFocus();
        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(filter->selectedText(), filter->text());
        QVERIFY(!child<QTableView>(u"tokenTable"_s)->selectionModel()->hasSelection());
    }

    // A page past the last goes to the last, not back to where it was (or to page 1).
    void aPageBeyondTheLastGoesToTheLast()
    {
        QVERIFY(loadFirstPage());
        auto *pageBox = child<QSpinBox>(u"pageBox"_s);
        QCOMPARE(pageBox->accessibleDescription(), u"25 pages in all"_s);
        pageBox->setFocus();
        pageBox->selectAll();
        QTest::keyClicks(pageBox, u"99"_s);
        QTest::keyClick(pageBox, Qt::Key_Return);
        QTRY_COMPARE(m_window->session()->page(), 25);
        QCOMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(1200).uuid);
    }

    void keyboardPaging()
    {
        QVERIFY(loadFirstPage());
        QVERIFY(activate());
        auto *table = child<QTableView>(u"tokenTable"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(50).uuid);
        QTest::keyClick(table, Qt::Key_End, Qt::AltModifier);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(1200).uuid);
        QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(1150).uuid);
        QTest::keyClick(table, Qt::Key_Home, Qt::AltModifier);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(0).uuid);

        f->server.setLatency(std::chrono::milliseconds(1500));
        QTest::keyClick(table, Qt::Key_F5);
        QTRY_VERIFY(m_window->session()->isBusy());
        QTest::keyClick(table, Qt::Key_Escape);
        QVERIFY(!m_window->session()->isBusy());
        QCOMPARE(m_window->statusBar()->currentMessage(), u"Canceled"_s);
    }

    void typedPageNumberLoadsThatPage()
    {
        QVERIFY(loadFirstPage());
        auto *pageBox = child<QSpinBox>(u"pageBox"_s);
        QCOMPARE(child<QLabel>(u"ofPagesLabel"_s)->text(), u"of 25"_s);
        pageBox->setFocus();
        pageBox->selectAll();
        QTest::keyClicks(pageBox, u"7"_s);
        QTest::keyClick(pageBox, Qt::Key_Return);
        QTRY_COMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(300).uuid);
        QCOMPARE(m_window->session()->page(), 7);
    }

    void changingRowsPerPage()
    {
        QVERIFY(loadFirstPage());
        auto *perPage = child<QComboBox>(u"perPageBox"_s);
        QCOMPARE(perPage->currentData().toInt(), 50);
        perPage->setFocus();
        QTest::keyClick(perPage, Qt::Key_Down);
        QTRY_COMPARE(model()->rowCount(), 100);
        QCOMPARE(perPage->currentData().toInt(), 100);
        QCOMPARE(f->server.requests().last().query.queryItemValue(u"per_page"_s), u"100"_s);
        QTRY_VERIFY(child<QLabel>(u"summaryLabel"_s)->text().startsWith(u"Page 1 of 13"_s));
    }

    // A laptop of 1366x768 less a panel, or a netbook's 1024x600: the window fits in every
    // state (the details pane's fields scroll), and a banner does not make it grow.
    void theWindowFitsASmallScreenInEveryState()
    {
        const QSize small(1024, 600);
        const auto fits = [this, small](const char *state) {
            const QSize least = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
            if (least.width() <= small.width() && least.height() <= small.height())
                return true;
            qWarning("%s: the window needs %dx%d", state, least.width(), least.height());
            return false;
        };
        QVERIFY(fits("first start"));
        m_window->resize(small);
        QVERIFY(loadFirstPage());
        QVERIFY(fits("a page"));
        child<QTableView>(u"tokenTable"_s)->selectRow(1);
        QTRY_VERIFY(child<QLineEdit>(u"detail_uuid"_s)->isVisible());
        QVERIFY(fits("a row selected"));
        f->server.setFault(DemoApiServer::Fault::HtmlPage, 1);
        trigger(u"reloadAction"_s);
        QTRY_VERIFY(child<QWidget>(u"errorBanner"_s)->isVisible());
        QVERIFY(fits("an error banner"));
        QCOMPARE(m_window->size(), small);
    }

    void rowsNeverStayUnderAnotherAccount()
    {
        QVERIFY(loadFirstPage());
        auto *banner = child<QWidget>(u"errorBanner"_s);
        auto *table = child<QTableView>(u"tokenTable"_s);
        auto *filter = child<QLineEdit>(u"filterEdit"_s);
        auto *placeholder = child<QLabel>(u"placeholder"_s);
        QVERIFY(!banner->isVisible());
        filter->setText(u"checkout"_s);
        QTRY_COMPARE(model()->rowCount(), 4);
        table->selectRow(1);
        QVERIFY(child<QLineEdit>(u"detail_uuid"_s)->isVisible());

        // Another account that fails to load: the old rows leave at once, before any answer.
        f->server.setLatency(std::chrono::milliseconds(300));
        auto *picker = child<AccountPicker>(u"accountPicker"_s);
        picker->setAccountId(u"ffffffffffffffffffffffffffffffff"_s);
        click(child<QPushButton>(u"loadButton"_s));
        QCOMPARE(m_window->session()->rows()->rowCount(), 0);
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(table->selectionModel()->selectedRows().isEmpty());
        QVERIFY(filter->text().isEmpty()); // typed for the other account
        QVERIFY(!child<QLineEdit>(u"detail_uuid"_s)->isVisible());
        QTRY_VERIFY(banner->isVisible());
        const QString text = child<QLabel>(u"errorText"_s)->text();
        QVERIFY2(text.contains(u"HTTP 404"_s) && text.contains(u"7003"_s) && text.contains(u"account ID"_s), qPrintable(text));
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(placeholder->isVisible());
        QVERIFY2(placeholder->text().contains(u"could not be loaded"_s), qPrintable(placeholder->text()));
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"Not found"_s));
        // Nothing of the old account to copy or export: the actions that need rows are off.
        for (const QString &name : {u"copyAction"_s, u"selectAllAction"_s, u"exportAction"_s})
            QVERIFY2(!child<QAction>(name)->isEnabled(), qPrintable(name));
        QVERIFY(child<QAction>(u"loadAllPagesAction"_s)->isEnabled()); // a profile to ask with

        // The right account: the banner goes as soon as the request starts; Enter loads.
        picker->setAccountId(DemoApiServer::accountId());
        QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
        QTRY_VERIFY(m_window->session()->isBusy());
        QVERIFY(!banner->isVisible());
        QTRY_COMPARE(model()->rowCount(), 50);
        QVERIFY(child<QAction>(u"exportAction"_s)->isEnabled());
        // The title names the account (by name, once the list came) and the profile.
        QTRY_COMPARE(m_window->windowTitle(), u"\u2068Demo Company\u2069 \u00b7 \u2068demo\u2069"_s);

        // Retrying the same page keeps its rows when it fails.
        f->server.setFault(DemoApiServer::Fault::HtmlPage, 1);
        trigger(u"reloadAction"_s);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(model()->rowCount(), 50);
        QCOMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(0).uuid);
    }

    void rowsNeverStayUnderAnotherProfile()
    {
        QVERIFY(loadFirstPage());
        addProfile(u"expired"_s, DemoApiServer::expiredApiToken(), DemoApiServer::stagingAccountId());
        f->server.setLatency(std::chrono::milliseconds(300));
        m_window->selectProfile(u"expired"_s);
        QCOMPARE(model()->rowCount(), 0);
        QTRY_VERIFY(child<QWidget>(u"errorBanner"_s)->isVisible());
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(child<QLabel>(u"errorText"_s)->text().contains(u"9109"_s));
    }

    void anAuthErrorSaysWhatTheTokenNeeds()
    {
        addProfile(u"no-access"_s, DemoApiServer::apiTokenWithoutBuildsAccess());
        m_window->selectProfile(u"no-access"_s);
        QTRY_VERIFY(child<QWidget>(u"errorBanner"_s)->isVisible());
        const QString text = child<QLabel>(u"errorText"_s)->text();
        QVERIFY2(text.contains(u"HTTP 403"_s) && text.contains(u"Workers CI Read"_s), qPrintable(text));
        QVERIFY(child<QLabel>(u"placeholder"_s)->isVisible());
        // The way on is the profile, not another try.
        auto *banner = child<QWidget>(u"errorBanner"_s);
        QToolButton *edit = bannerButton(banner, u"Edit Profile\u2026"_s);
        QVERIFY(edit && !bannerButton(banner, u"Retry"_s));
        click(edit);
        QTRY_VERIFY(m_window->findChild<ProfileDialog *>());
        QCOMPARE(childOf<QLineEdit>(m_window->findChild<ProfileDialog *>(), u"nameEdit"_s)->text(), u"no-access"_s);
    }

    // Enter clicks the focused button, as Space does: the banner's Retry, the page arrows,
    // Load. Qt gives it only to a dialog's default button.
    void enterClicksTheFocusedButton()
    {
        QVERIFY(activate());
        f->server.setFault(DemoApiServer::Fault::HtmlPage, 1);
        addProfile(u"demo"_s, DemoApiServer::apiToken());
        m_window->selectProfile(u"demo"_s);
        auto *banner = child<QWidget>(u"errorBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QToolButton *retry = bannerButton(banner, u"Retry"_s);
        QVERIFY(retry);
        retry->setFocus();
        QTest::keyClick(retry, Qt::Key_Return);
        QTRY_COMPARE(model()->rowCount(), 50);

        const QList<QToolButton *> buttons = m_window->findChildren<QToolButton *>();
        const auto next = std::find_if(buttons.begin(), buttons.end(), [this](QToolButton *b) {
            return b->defaultAction() == child<QAction>(u"nextPageAction"_s);
        });
        QVERIFY(next != buttons.end());
        (*next)->setFocus();
        QTest::keyClick(*next, Qt::Key_Enter, Qt::KeypadModifier);
        QTRY_COMPARE(m_window->session()->page(), 2);

        auto *load = child<QPushButton>(u"loadButton"_s);
        load->setFocus();
        const qsizetype before = f->server.requests().size();
        QTest::keyClick(load, Qt::Key_Return);
        QTRY_VERIFY(f->server.requests().size() > before);
        QTRY_COMPARE(m_window->session()->page(), 1);
    }

    // A failed listing offers another try in its banner.
    void aFailureOffersRetry()
    {
        f->server.setFault(DemoApiServer::Fault::HtmlPage, 1);
        addProfile(u"demo"_s, DemoApiServer::apiToken());
        m_window->selectProfile(u"demo"_s);
        auto *banner = child<QWidget>(u"errorBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(model()->rowCount(), 0);
        QToolButton *retry = bannerButton(banner, u"Retry"_s);
        QVERIFY(retry);
        click(retry);
        QTRY_COMPARE(model()->rowCount(), 50);
        QVERIFY(!banner->isVisible());
    }

    // Check Health fills the column; sorted by it, what breaks a build comes first, and the
    // details pane says why.
    void checkHealthThenSortByIt()
    {
        QVERIFY(loadFirstPage());
        QVERIFY(cell(0, TokenColumns::Health).isEmpty()); // the tests' window checks only when asked
        f->server.clearRequests();
        QAction *check = child<QAction>(u"checkHealthAction"_s);
        QVERIFY(check->isEnabled());
        check->trigger();
        QVERIFY(!check->isEnabled()); // one check at a time
        QTRY_VERIFY(!cell(0, TokenColumns::Health).isEmpty());
        QTRY_VERIFY(check->isEnabled());
        QCOMPARE(cell(0, TokenColumns::Health), u"Active"_s);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"will break a build"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        // The caller's API tokens listed 50 a page, then only the eight ids of the 50 rows the
        // list lacks (one in twelve is missing, one more found only by id).
        int byId = 0;
        for (const DemoApiServer::Request &request : f->server.requests()) {
            QVERIFY2(request.path.startsWith(u"/client/v4/user/tokens"_s), qPrintable(request.path));
            if (request.path.startsWith(u"/client/v4/user/tokens/"_s))
                ++byId;
            else
                QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"50"_s);
        }
        QCOMPARE(byId, 8);

        auto *table = child<QTableView>(u"tokenTable"_s);
        table->sortByColumn(TokenColumns::Health, Qt::AscendingOrder);
        QCOMPARE(cell(0, TokenColumns::Health), u"Missing"_s);
        QCOMPARE(cell(model()->rowCount() - 1, TokenColumns::Health), u"Active"_s);
        QVERIFY(model()->index(0, TokenColumns::Health).data(Qt::ToolTipRole).toString().contains(u"another member"_s));
        QVERIFY(model()->index(0, TokenColumns::Health).data(BuildTokenTableModel::ToolTipTellsMoreRole).toBool());
        QVERIFY(!model()->index(0, TokenColumns::Name).data(BuildTokenTableModel::ToolTipTellsMoreRole).toBool());

        table->setFocus();
        table->setCurrentIndex(model()->index(0, 0));
        table->selectRow(0);
        auto *health = child<QLabel>(u"detailHealth"_s);
        QTRY_VERIFY(health->isVisible() || !child<QWidget>(u"detailsPane"_s)->isVisible());
        QVERIFY2(health->text().contains(u"another member"_s), qPrintable(health->text()));

        // Row 0 of the demo: active, its API token's record in the pane.
        table->sortByColumn(-1, Qt::AscendingOrder);
        table->setCurrentIndex(model()->index(0, 0));
        table->selectRow(0);
        QTRY_VERIFY2(health->text().contains(u"Workers Builds - "_s + f->server.tokens().at(0).name),
                     qPrintable(health->text()));
        QVERIFY(health->text().contains(u"Policy: \u2068Allow: Workers CI Read"_s));

        // Exported now, the health columns come along.
        const QString path = m_dir.filePath(u"health.csv"_s);
        QVERIFY(exportVia(path, u"csv"_s, false));
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(readFile(path).startsWith("build_token_name,build_token_uuid,cloudflare_token_id,owner_type,health,"
                                          "token_status,expires_on,last_used_on\r\n"));
    }

    // Scan Usage asks first and says what it spends, then fills Used by and shows it; the
    // details pane names the triggers and their branches.
    void scanUsageAsksThenFillsUsedBy()
    {
        QVERIFY(loadFirstPage());
        const QList<BuildToken> tokens = f->server.tokens();
        const auto tag = [](int i) { return QString::number(i).rightJustified(32, u'a'); };
        f->server.setWorkers({{u"api-worker"_s, tag(1), true,
                               {{u"production"_s, u"t1"_s, tokens.at(0).uuid, {u"main"_s}},
                                {u"preview"_s, u"t2"_s, tokens.at(0).uuid, {}}}},
                              {u"site-worker"_s, tag(2), true,
                               {{u"production"_s, u"t3"_s, tokens.at(1).uuid, {u"main"_s}},
                                {u"old"_s, u"t4"_s, tokens.at(2).uuid, {}, u"2026-01-01T00:00:00Z"_s}}},
                              {u"static-worker"_s, tag(3), false, {}}});
        QVERIFY(m_table()->isColumnHidden(TokenColumns::UsedBy));

        // Asked, and declined: nothing is sent.
        f->server.clearRequests();
        const auto question = [this] { return m_window->findChild<QMessageBox *>(u"usageScanQuestion"_s); };
        trigger(u"scanUsageAction"_s);
        QTRY_VERIFY(question() && question()->isVisible());
        QVERIFY2(question()->informativeText().contains(u"one for every 20 Workers"_s), qPrintable(question()->informativeText()));
        question()->reject();
        QTRY_VERIFY(!question());
        QCOMPARE(f->server.requests().size(), 0);

        trigger(u"scanUsageAction"_s);
        QTRY_VERIFY(question() && question()->isVisible());
        click(question()->defaultButton());
        QTRY_VERIFY(!m_table()->isColumnHidden(TokenColumns::UsedBy));
        QCOMPARE(cell(0, TokenColumns::UsedBy), u"api-worker/production, api-worker/preview"_s);
        QCOMPARE(cell(1, TokenColumns::UsedBy), u"site-worker/production"_s);
        QCOMPARE(cell(2, TokenColumns::UsedBy), u"Unused"_s); // its only trigger is deleted
        QCOMPARE(f->server.requests().size(), 4); // the Workers, one latest batch, two Workers' triggers
        // (Its plural's English forms are a translation this test does not install.)
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                     u"Usage scanned: 3 Workers, 2 build with Workers Builds (4 requests); 48 build token"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(!m_window->findChild<QProgressDialog *>(u"usageScanProgress"_s));

        m_table()->setFocus();
        m_table()->setCurrentIndex(model()->index(0, 0));
        m_table()->selectRow(0);
        QTRY_VERIFY2(child<QLabel>(u"detailHealth"_s)->text().contains(
                         u"Used by Worker \u201c\u2068api-worker\u2069\u201d, trigger \u201c\u2068production\u2069\u201d (branches: \u2068main\u2069)"_s),
                     qPrintable(child<QLabel>(u"detailHealth"_s)->text()));

        // The next scan knows the Workers: 1 + 1 + 3 requests at most.
        trigger(u"scanUsageAction"_s);
        QTRY_VERIFY(question() && question()->isVisible());
        QVERIFY2(question()->informativeText().contains(u"up to 5 requests"_s), qPrintable(question()->informativeText()));
        question()->reject();
    }

    void withoutThePermissionTheHealthIsUnknownAndSaysWhatToAdd()
    {
        addProfile(u"no tokens read"_s, DemoApiServer::apiTokenWithoutTokensRead());
        m_window->selectProfile(u"no tokens read"_s);
        QTRY_COMPARE(model()->rowCount(), 50);
        trigger(u"checkHealthAction"_s);
        QTRY_COMPARE(cell(0, TokenColumns::Health), u"Unknown"_s);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"\u201cAPI Tokens Read\u201d"_s),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(model()->rowCount(), 50); // the list stays as it was
        QVERIFY(!child<QWidget>(u"errorBanner"_s)->isVisible());
    }

    void aboutNamesVersionLicenceAndHomepage()
    {
        trigger(u"aboutAction"_s);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"aboutBox"_s)) != nullptr);
        QVERIFY2(box->text().contains(QLatin1StringView(AppInfo::Version)), qPrintable(box->text()));
        QVERIFY(box->text().contains(u"MIT"_s));
        QVERIFY(box->text().contains(u"href=\"%1\""_s.arg(AppInfo::Homepage)));
        QVERIFY(box->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard));
        QVERIFY2(box->text().contains(u"Qt %1"_s.arg(QLatin1StringView(qVersion()))), qPrintable(box->text()));
        QVERIFY(!AppInfo::QtKeychainVersion.isEmpty());
        QVERIFY2(box->text().contains(u"QtKeychain %1"_s.arg(AppInfo::QtKeychainVersion)), qPrintable(box->text()));
        box->close();
    }

    // Help → About Qt is Qt's own box (modal: looked at and closed from inside its loop).
    void aboutQtShowsQtsBox()
    {
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->close();
            }
        });
        trigger(u"aboutQtAction"_s);
        QVERIFY2(shown.contains(QLatin1StringView(qVersion())), qPrintable(shown));
    }

    // Help → Documentation (F1) opens the README's web page and says so.
    void documentationOpensTheWebPage()
    {
        QDesktopServices::setUrlHandler(u"https"_s, this, "recordOpenedUrl");
        const auto unsetHandler = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"https"_s); });
        QAction *documentation = child<QAction>(u"documentationAction"_s);
        QCOMPARE(documentation->shortcut(), QKeySequence(QKeySequence::HelpContents));
        documentation->trigger();
        QCOMPARE(m_openedUrls, QList<QUrl>{QUrl(AppInfo::Homepage + u"#readme"_s)});
        QCOMPARE(m_window->statusBar()->currentMessage(), u"Opening the user guide in the web browser\u2026"_s);
    }

    // An account without build tokens says so and leads to the account field.
    void anEmptyAccountLeadsToAnother()
    {
        addProfile(u"demo"_s, DemoApiServer::apiToken(), DemoApiServer::sandboxAccountId());
        m_window->selectProfile(u"demo"_s);
        QTRY_COMPARE(child<QLabel>(u"placeholder"_s)->text(), u"This account has no build tokens."_s);
        QVERIFY(activate());
        auto *other = child<QPushButton>(u"otherAccountButton"_s);
        QVERIFY(other->isVisible());
        click(other);
        auto *picker = child<AccountPicker>(u"accountPicker"_s);
        QTRY_VERIFY(QApplication::focusWidget() == picker || QApplication::focusWidget() == picker->lineEdit());
        QCOMPARE(picker->lineEdit()->selectedText(), picker->lineEdit()->text()); // typing replaces it
    }

    // --demo as main() composes it: the demo API behind the core's network manager, no server.
    void theDemoAnswersInProcess()
    {
        DemoApi demo;
        demo.setTokenCount(60);
        const auto dropWindow = qScopeGuard([this] { // before `demo` goes
            m_window.reset();
            m_core.reset();
        });
        m_window.reset();
        m_core = std::make_unique<AppCore>(m_profiles.get(), m_settings.get(),
                                           std::make_unique<DemoNetworkAccessManager>(&demo));
        const Profile profile = DemoApi::profileAt(DemoNetworkAccessManager::baseUrl());
        m_profiles->save(profile);
        m_profiles->keepSecretForSession(profile.name, DemoApi::apiToken());
        m_profiles->setLastProfileName(profile.name);
        m_window = std::make_unique<MainWindow>(m_core.get());
        m_window->show();
        m_window->openLastProfile();
        QTRY_COMPARE(model()->rowCount(), 50);
        QCOMPARE(m_core->rows.tokens().first().uuid, demo.tokens().first().uuid);
        QTRY_COMPARE(m_window->windowTitle(), u"\u2068Demo Company\u2069 \u00b7 \u2068Demo\u2069"_s);
        QVERIFY(f->server.requests().isEmpty()); // nothing went over loopback
    }

    // A first start: two ways in, the first one focused, and Enter takes it.
    void aFirstStartOffersAProfileOrTheDemo()
    {
        QVERIFY(activate());
        auto *add = child<QPushButton>(u"addProfileButton"_s);
        auto *demo = child<QPushButton>(u"exploreDemoButton"_s);
        QVERIFY(add->isVisible() && demo->isVisible());
        QCOMPARE(QApplication::focusWidget(), add);
        QSignalSpy demoRequested(m_window.get(), &MainWindow::demoRequested);
        click(demo);
        QCOMPARE(demoRequested.size(), 1);
        add->setFocus();
        QTest::keyClick(add, Qt::Key_Return);
        QTRY_VERIFY(m_window->findChild<ProfileDialog *>());
    }

    void busyIndicatorAndCancel()
    {
        QVERIFY(loadFirstPage());
        f->server.setLatency(std::chrono::milliseconds(1500));
        trigger(u"nextPageAction"_s);
        auto *busy = child<QProgressBar>(u"busyIndicator"_s);
        // Esc works and the summary says so at once; the indicator comes once the load has
        // taken a moment.
        QVERIFY(child<QAction>(u"cancelAction"_s)->isEnabled());
        QVERIFY(child<QLabel>(u"summaryLabel"_s)->text().contains(u"Loading page 2"_s));
        QVERIFY(!busy->isVisible());
        QTRY_VERIFY(busy->isVisible());
        trigger(u"cancelAction"_s);
        QVERIFY(!busy->isVisible());
        QCOMPARE(m_window->statusBar()->currentMessage(), u"Canceled"_s);
        QVERIFY(!child<QWidget>(u"errorBanner"_s)->isVisible());
        QCOMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(0).uuid);
        QCOMPARE(child<QSpinBox>(u"pageBox"_s)->value(), 1);
    }

    void labelsShowTheServersAndPeoplesTextAsText()
    {
        // A label in Qt's AutoText shows anything that looks like HTML as rich text, images
        // from local files included: each label that can carry a server's or a person's words
        // is plain text.
        QVERIFY(loadFirstPage());
        for (const QString &name : {u"placeholder"_s, u"summaryLabel"_s, u"filterCount"_s})
            QCOMPARE(child<QLabel>(name)->textFormat(), Qt::PlainText);
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        QCOMPARE(childOf<QLabel>(dialog, u"resultLabel"_s)->textFormat(), Qt::PlainText);
        dialog->reject();
        trigger(u"exportAction"_s);
        auto *exportDialog = m_window->findChild<QDialog *>(u"exportDialog"_s);
        QVERIFY(exportDialog);
        QCOMPARE(childOf<QLabel>(exportDialog, u"resultLabel"_s)->textFormat(), Qt::PlainText);
        exportDialog->reject();
    }

    void loadAllPagesFromTheKeyboardThenEscKeepsTheRows()
    {
        QVERIFY(loadFirstPage());
        auto *table = child<QTableView>(u"tokenTable"_s);
        auto *summary = child<QLabel>(u"summaryLabel"_s);
        auto *busy = child<QProgressBar>(u"busyIndicator"_s);
        // The page bar has it as a button too, named for a screen reader without the mnemonic.
        auto *loadAll = child<QAction>(u"loadAllPagesAction"_s);
        QCOMPARE(loadAll->text(), u"Load All Page&s"_s);
        const QList<QToolButton *> buttons = m_window->findChildren<QToolButton *>();
        const auto button = std::find_if(buttons.begin(), buttons.end(), [loadAll](QToolButton *b) { return b->defaultAction() == loadAll; });
        QVERIFY(button != buttons.end());
        QCOMPARE((*button)->accessibleName(), u"Load All Pages"_s);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(m_window->session()->hasAllPages());
        QCOMPARE(model()->rowCount(), 1234);
        QCOMPARE(cell(1233, TokenColumns::Uuid), f->server.tokens().at(1233).uuid);
        QCOMPARE(summary->text(), u"All pages \u00b7 1,234 tokens"_s);
        QVERIFY(!child<QSpinBox>(u"pageBox"_s)->isVisible()); // no page to type in one table
        QVERIFY(!child<QAction>(u"nextPageAction"_s)->isEnabled());
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Loaded all pages (1,234 tokens)"_s));

        // Again, held after page 1: the bar counts pages; Esc stops and keeps what came.
        f->server.setHoldReplies(true);
        trigger(u"reloadAction"_s);
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        f->server.releaseHeldReplies();
        QTRY_COMPARE(f->server.heldReplyCount(), 6);
        QTRY_COMPARE(model()->rowCount(), 200);
        QTRY_VERIFY(busy->isVisible());
        QCOMPARE(busy->maximum(), 7);
        QCOMPARE(busy->value(), 1);
        QVERIFY(busy->isTextVisible());
        QCOMPARE(busy->text(), u"1 of 7"_s);
        QCOMPARE(summary->text(), u"All pages: 1 of 7 loaded \u00b7 200 tokens"_s);
        QTest::keyClick(table, Qt::Key_Escape);
        QVERIFY(!busy->isVisible());
        QCOMPARE(model()->rowCount(), 200);
        QCOMPARE(summary->text(), u"All pages: stopped after 1 of 7 \u00b7 200 tokens"_s);
        QCOMPARE(m_window->statusBar()->currentMessage(), u"Canceled"_s);
        QTRY_COMPARE(f->server.abortedCount(), 6);

        // First page goes back to paging.
        f->server.setHoldReplies(false);
        trigger(u"firstPageAction"_s);
        QTRY_COMPARE(model()->rowCount(), 50);
        QVERIFY(child<QSpinBox>(u"pageBox"_s)->isVisible());
        QVERIFY(summary->text().startsWith(u"Page 1 of 25"_s));
    }

    void rateLimitCountsDownAndCancels()
    {
        QVERIFY(loadFirstPage());
        const qsizetype before = f->server.requests().size();
        f->server.setRetryAfterSeconds(2);
        f->server.setFault(DemoApiServer::Fault::RateLimited, 1);
        trigger(u"nextPageAction"_s);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"Rate limited by Cloudflare, retrying in 2 s"_s),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(child<QAction>(u"cancelAction"_s)->isEnabled());
        // It counts down (a busy machine may skip a tick, so the wait after it will do as well).
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(u"retrying in 1 s"_s)
                                     || m_window->statusBar()->currentMessage().contains(u"asked again, waiting"_s)
                                     || !m_window->session()->isBusy(),
                                 3000);
        // The wait was honoured, then page 2 loaded.
        QTRY_COMPARE_WITH_TIMEOUT(cell(0, TokenColumns::Uuid), f->server.tokens().at(50).uuid, 5000);
        QCOMPARE(f->server.requests().size(), before + 2);

        // Again, and this time the person does not wait.
        f->server.setFault(DemoApiServer::Fault::RateLimited, 1);
        trigger(u"nextPageAction"_s);
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"retrying in"_s));
        trigger(u"cancelAction"_s);
        QCOMPARE(m_window->statusBar()->currentMessage(), u"Canceled"_s);
        // The retry lived in the canceled job's timer: once the job is gone, none can come.
        QTRY_VERIFY(m_window->session()->findChildren<Job *>().isEmpty());
        QCOMPARE(f->server.requests().size(), before + 3);
        QCOMPARE(cell(0, TokenColumns::Uuid), f->server.tokens().at(50).uuid);
    }

    void transferTimeoutComesFromTheSettings()
    {
        m_settings->setValue(u"network/transferTimeoutSeconds"_s, 1);
        makeWindow();
        f->server.setLatency(std::chrono::milliseconds(2500));
        addProfile(u"slow"_s, DemoApiServer::apiToken());
        m_window->selectProfile(u"slow"_s);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(u"errorBanner"_s)->isVisible(), 15000);
        const QString text = child<QLabel>(u"errorText"_s)->text();
        QVERIFY2(text.contains(u"timed out"_s) && text.contains(u"Gave up after 3 attempts"_s), qPrintable(text));
    }

    // The settings file's values, shown and changed in the dialog, reach the running core at
    // once: the next Load All Pages asks for the new number of pages at a time.
    void preferencesApplyAtOnce()
    {
        m_settings->setValue(u"network/transferTimeoutSeconds"_s, 45);
        m_settings->setValue(u"network/concurrency"_s, 3);
        makeWindow();
        QVERIFY(loadFirstPage());
        PreferencesDialog *dialog = openPreferences();
        QVERIFY(dialog);
        auto *timeout = childOf<QSpinBox>(dialog, u"transferTimeoutBox"_s);
        auto *concurrency = childOf<QSpinBox>(dialog, u"concurrencyBox"_s);
        QCOMPARE(timeout->value(), 45);
        QCOMPARE(timeout->suffix(), u" s"_s);
        QCOMPARE(timeout->minimum(), 1);
        QCOMPARE(timeout->maximum(), 3600);
        QCOMPARE(concurrency->value(), 3);
        QCOMPARE(concurrency->minimum(), 1);
        QCOMPARE(concurrency->maximum(), 16);
        const QStringList unnamed = unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog, Qt::Key_P, Qt::AltModifier); // "&Pages asked for at once"
        QTRY_COMPARE(QApplication::focusWidget(), concurrency);

        timeout->setValue(12);
        concurrency->setValue(2);
        click(buttonOf(dialog, QDialogButtonBox::Ok));
        QTRY_VERIFY(!m_window->findChild<PreferencesDialog *>());
        m_settings->sync();
        QSettings file(settingsPath(), QSettings::IniFormat);
        QCOMPARE(file.value(u"network/transferTimeoutSeconds"_s).toInt(), 12);
        QCOMPARE(file.value(u"network/concurrency"_s).toInt(), 2);
        QCOMPARE(m_core->client.transferTimeout(), std::chrono::seconds(12));
        QCOMPARE(m_window->session()->concurrency(), 2);

        // After page 1, two pages are asked for, not three: the calls are made together.
        f->server.setHoldReplies(true);
        trigger(u"loadAllPagesAction"_s);
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        f->server.releaseHeldReplies();
        QTRY_COMPARE(f->server.heldReplyCount(), 2);
        QCOMPARE(m_window->session()->findChildren<ApiCall *>().size(), 2);
        trigger(u"cancelAction"_s);
    }

    // Cancel keeps what was there; Restore Defaults fills the boxes, and only OK saves them.
    void preferencesCancelChangesNothing()
    {
        m_settings->setValue(u"network/transferTimeoutSeconds"_s, 45);
        m_settings->setValue(u"network/concurrency"_s, 3);
        makeWindow();
        PreferencesDialog *dialog = openPreferences();
        QVERIFY(dialog);
        childOf<QSpinBox>(dialog, u"transferTimeoutBox"_s)->setValue(99);
        childOf<QSpinBox>(dialog, u"concurrencyBox"_s)->setValue(9);
        click(buttonOf(dialog, QDialogButtonBox::Cancel));
        QTRY_VERIFY(!m_window->findChild<PreferencesDialog *>());
        QCOMPARE(m_settings->value(u"network/transferTimeoutSeconds"_s).toInt(), 45);
        QCOMPARE(m_settings->value(u"network/concurrency"_s).toInt(), 3);
        QCOMPARE(m_core->client.transferTimeout(), std::chrono::seconds(45));
        QCOMPARE(m_window->session()->concurrency(), 3);

        dialog = openPreferences();
        QVERIFY(dialog);
        QCOMPARE(childOf<QSpinBox>(dialog, u"transferTimeoutBox"_s)->value(), 45);
        click(buttonOf(dialog, QDialogButtonBox::RestoreDefaults));
        QCOMPARE(childOf<QSpinBox>(dialog, u"transferTimeoutBox"_s)->value(), 30);
        QCOMPARE(childOf<QSpinBox>(dialog, u"concurrencyBox"_s)->value(), 6);
        QCOMPARE(m_settings->value(u"network/concurrency"_s).toInt(), 3);
        click(buttonOf(dialog, QDialogButtonBox::Ok));
        QTRY_VERIFY(!m_window->findChild<PreferencesDialog *>());
        QCOMPARE(m_core->client.transferTimeout(), std::chrono::seconds(30));
        QCOMPARE(m_window->session()->concurrency(), 6);
        QCOMPARE(AppSettings(m_settings.get()).concurrency(), 6);
    }

    void opensTheLastProfileAndAccount()
    {
        addProfile(u"a-first"_s, DemoApiServer::apiToken());
        addProfile(u"b-second"_s, DemoApiServer::apiToken(), u"ffffffffffffffffffffffffffffffff"_s);
        m_window->selectProfile(u"b-second"_s);
        // A different account, typed by hand, is remembered for the profile.
        auto *picker = child<AccountPicker>(u"accountPicker"_s);
        picker->setAccountId(DemoApiServer::accountId());
        click(child<QPushButton>(u"loadButton"_s));
        QTRY_COMPARE(model()->rowCount(), 50);
        auto *perPage = child<QComboBox>(u"perPageBox"_s);
        perPage->setFocus();
        QTest::keyClick(perPage, Qt::Key_Down);
        QTRY_COMPARE(model()->rowCount(), 100);
        m_window->close();

        // A restart: a new window and profile store over the same settings and secrets.
        m_window.reset();
        m_core.reset();
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
        m_profiles->keepSecretForSession(u"b-second"_s, DemoApiServer::apiToken());
        m_core = std::make_unique<AppCore>(m_profiles.get(), m_settings.get());
        m_window = std::make_unique<MainWindow>(m_core.get());
        m_window->show();
        m_window->openLastProfile();
        QCOMPARE(child<QComboBox>(u"profileBox"_s)->currentText(), u"b-second"_s);
        QCOMPARE(child<AccountPicker>(u"accountPicker"_s)->accountId(), DemoApiServer::accountId());
        QCOMPARE(m_window->session()->perPage(), 100);
        QTRY_COMPARE(model()->rowCount(), 100); // loaded page 1 by itself
    }

    void globalApiKeyProfileIsWarned()
    {
        addProfile(u"legacy"_s, DemoApiServer::globalApiKey(), DemoApiServer::accountId(), Credentials::Scheme::GlobalApiKey);
        m_window->selectProfile(u"legacy"_s);
        QVERIFY(child<QLabel>(u"keyWarning"_s)->isVisible());
        QTRY_COMPARE(model()->rowCount(), 50);
        QCOMPARE(f->server.requests().last().header("X-Auth-Email"), DemoApiServer::email().toUtf8());
        addProfile(u"modern"_s, DemoApiServer::apiToken());
        m_window->selectProfile(u"modern"_s);
        QVERIFY(!child<QLabel>(u"keyWarning"_s)->isVisible());
    }

    void settingsKeepNoSecret()
    {
        const QString secret = u"gui-secret-token-7a1e9c0b"_s;
        addProfile(u"secretive"_s, secret);
        m_window->selectProfile(u"secretive"_s);
        QTRY_VERIFY(child<QWidget>(u"errorBanner"_s)->isVisible()); // the demo rejects it: 401
        QVERIFY(!child<QLabel>(u"errorText"_s)->text().contains(secret));
        m_window->close();
        m_settings->sync();
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains(DemoApiServer::accountId().toUtf8()));
        QVERIFY(saved.contains("secretive"));
        QVERIFY(!saved.contains(secret.toUtf8()));
    }

    void newProfileWithTestAndAccountPicker()
    {
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"work"_s);
        auto *secret = childOf<QLineEdit>(dialog, u"secretEdit"_s);
        secret->setText(DemoApiServer::apiToken());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        childOf<QCheckBox>(dialog, u"showSecretBox"_s)->setChecked(true);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        childOf<QLineEdit>(dialog, u"apiBaseEdit"_s)->setText(f->server.baseUrl().toString());

        click(childOf<QPushButton>(dialog, u"testButton"_s));
        auto *result = childOf<QLabel>(dialog, u"resultLabel"_s);
        QTRY_VERIFY2(result->text().contains(u"Active"_s, Qt::CaseInsensitive), qPrintable(result->text()));

        click(childOf<QPushButton>(dialog, u"fetchAccountsButton"_s));
        auto *picker = childOf<AccountPicker>(dialog, u"accountPicker"_s);
        QTRY_COMPARE(picker->count(), 3);
        QVERIFY(result->text().contains(u"3 accounts"_s));
        picker->setCurrentIndex(picker->findData(DemoApiServer::stagingAccountId()));
        QCOMPARE(picker->accountId(), DemoApiServer::stagingAccountId());

        QSignalSpy saved(dialog, &ProfileDialog::saved);
        childOf<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(child<QComboBox>(u"profileBox"_s)->currentText(), u"work"_s);
        QTRY_COMPARE(model()->rowCount(), 12); // the staging account's tokens
        QCOMPARE(m_profiles->profile(u"work"_s)->accountId, DemoApiServer::stagingAccountId());
        QCOMPARE(static_cast<MemorySecretStore *>(m_secrets.get())->contains(Profile::secretKey(u"work"_s)), true);
    }

    // What kind of secret, and a link to where Cloudflare makes one, under the secret field:
    // opened in the browser, also from the keyboard.
    void theProfileDialogSaysWhereTheSecretComesFrom()
    {
        const QUrl page(u"https://dash.cloudflare.com/profile/api-tokens"_s);
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        auto *help = childOf<QLabel>(dialog, u"secretHelp"_s);
        QVERIFY(help->isVisible());
        QCOMPARE(help->textFormat(), Qt::RichText);
        QVERIFY(help->openExternalLinks());
        QVERIFY(help->textInteractionFlags() & Qt::LinksAccessibleByKeyboard);
        QVERIFY(help->focusPolicy() & Qt::TabFocus);
        QVERIFY(help->text().contains(u"href=\"%1\""_s.arg(page.toString())));
        QVERIFY(help->text().contains(u"Workers CI Read"_s));
        QVERIFY(help->text().contains(u"account-owned"_s));
        const QString spoken = QAccessible::queryAccessibleInterface(help)->text(QAccessible::Name);
        QVERIFY2(spoken.contains(u"Create one on Cloudflare's API Tokens page"_s) && !spoken.contains(u'<'), qPrintable(spoken));
        const QStringList unnamed = unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));

        QDesktopServices::setUrlHandler(u"https"_s, this, "recordOpenedUrl");
        const auto unsetHandler = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"https"_s); });
        QApplication::setActiveWindow(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        // Tab from the Show box goes to the line, Tab again to its link (Qt's way), Enter opens it.
        auto *show = childOf<QCheckBox>(dialog, u"showSecretBox"_s);
        show->setFocus();
        QTest::keyClick(show, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), help);
        QTest::keyClick(help, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), help);
        QTest::keyClick(help, Qt::Key_Return);
        QTRY_COMPARE(m_openedUrls, QList<QUrl>{page});

        childOf<QComboBox>(dialog, u"schemeBox"_s)->setCurrentIndex(1); // a Global API Key
        QVERIFY(help->text().contains(u"\u201cAPI Keys\u201d section"_s));
        QVERIFY(help->text().contains(page.toString()));
        QVERIFY(!help->text().contains(u"Workers CI Read"_s));
        // The dialog grew for the lines that appeared: none is cut off.
        auto *warning = childOf<QLabel>(dialog, u"keyWarning"_s);
        QTRY_VERIFY(warning->isVisible() && warning->height() >= warning->heightForWidth(warning->width()));
        QVERIFY(help->height() >= help->heightForWidth(help->width()));
    }

    // An existing profile's name cannot change, and does not look as if it could: it sits on
    // the window's colour, also after the desktop's colours change.
    void anExistingProfilesNameLooksFixed()
    {
        QVERIFY(loadFirstPage());
        ProfileDialog *dialog = openDialog(u"editProfileButton"_s);
        QVERIFY(dialog);
        auto *name = childOf<QLineEdit>(dialog, u"nameEdit"_s);
        auto *apiBase = childOf<QLineEdit>(dialog, u"apiBaseEdit"_s);
        QVERIFY(name->isReadOnly());
        QVERIFY(name->toolTip().contains(u"keychain entry is named after it"_s));
        QVERIFY(backgroundOf(name) != backgroundOf(apiBase));
        QCOMPARE(backgroundOf(name), dialog->palette().color(QPalette::Window));
        QCOMPARE(backgroundOf(apiBase), dialog->palette().color(QPalette::Base));

        const QPalette before = QApplication::palette();
        const auto restore = qScopeGuard([before] { QApplication::setPalette(before); });
        QPalette dark = before;
        dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        QApplication::setPalette(dark);
        QTRY_COMPARE(backgroundOf(name), QColor(0x30, 0x30, 0x30));
        QCOMPARE(backgroundOf(apiBase), QColor(0x1e, 0x1e, 0x1e));
        dialog->reject();
    }

    void newProfileRefusesBadInput()
    {
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        auto *save = childOf<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save);
        auto *result = childOf<QLabel>(dialog, u"resultLabel"_s);
        save->click();
        QVERIFY(result->text().contains(u"profile name"_s));
        childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"a/b"_s);
        save->click();
        QVERIFY(result->text().contains(u"\u201c/\u201d"_s));
        childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"fine"_s);
        save->click();
        QVERIFY(result->text().contains(u"API token"_s));
        childOf<QComboBox>(dialog, u"schemeBox"_s)->setCurrentIndex(1);
        QVERIFY(childOf<QLabel>(dialog, u"keyWarning"_s)->isVisible());
        childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(u"k"_s);
        save->click();
        QVERIFY(result->text().contains(u"email"_s));
        // A control character in the email or the secret would add a header of its own.
        childOf<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"a@b.example\u0001"_s);
        save->click();
        QVERIFY2(result->text().contains(u"email holds"_s), qPrintable(result->text()));
        childOf<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"a@b.example"_s);
        childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(u"key\u0001X-Evil"_s);
        save->click();
        QVERIFY2(result->text().contains(u"Global API Key holds"_s), qPrintable(result->text()));
        // The spaces a paste brings along are left out, and the dialog says so.
        childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(u"  pasted-key \t"_s);
        QVERIFY2(result->text().contains(u"spaces around the secret"_s), qPrintable(result->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(m_profiles->names().isEmpty());
    }

    void unreachableKeychainOffersThisSessionOnly()
    {
        makeWindow(std::make_unique<FailingSecretStore>());
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        const QString secret = DemoApiServer::apiToken();
        childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"offline"_s);
        childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(secret);
        childOf<QLineEdit>(dialog, u"apiBaseEdit"_s)->setText(f->server.baseUrl().toString());
        childOf<AccountPicker>(dialog, u"accountPicker"_s)->setAccountId(DemoApiServer::accountId());
        childOf<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save)->click();

        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(u"keychainProblemBox"_s)) != nullptr);
        QVERIFY(box->informativeText().contains(u"keychain could not be reached"_s));
        QVERIFY(!box->informativeText().contains(secret));
        click(childOf<QPushButton>(box, u"sessionOnlyButton"_s));
        QTRY_COMPARE(model()->rowCount(), 50);
        QVERIFY(m_profiles->hasSessionSecret(u"offline"_s));
        m_settings->sync();
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));
    }

    // A keychain that waits (an unlock prompt nobody answers) never freezes the window: it
    // shows as busy, and Esc gives up waiting.
    void waitingForTheKeychainIsBusyAndEscGivesUp()
    {
        auto held = std::make_unique<HeldSecretStore>();
        HeldSecretStore *keychain = held.get();
        makeWindow(std::move(held));
        Profile profile;
        profile.name = u"demo"_s;
        profile.accountId = DemoApiServer::accountId();
        profile.apiBaseUrl = f->server.baseUrl().toString();
        m_profiles->save(profile);
        keychain->MemorySecretStore::write(Profile::secretKey(u"demo"_s), DemoApiServer::apiToken(), this,
                                           [](const SecretStore::Result &) {});
        m_window->selectProfile(u"demo"_s);
        QCOMPARE(keychain->held(), 1);
        auto *busy = child<QProgressBar>(u"busyIndicator"_s);
        QTRY_VERIFY(busy->isVisible());
        QVERIFY(child<QAction>(u"cancelAction"_s)->isEnabled());
        QVERIFY(child<QLabel>(u"placeholder"_s)->text().contains(u"Reading the secret of"_s));
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"Esc stops waiting"_s));

        QTest::keyClick(child<QTableView>(u"tokenTable"_s), Qt::Key_Escape);
        QVERIFY(!busy->isVisible());
        QVERIFY(!child<QAction>(u"cancelAction"_s)->isEnabled());
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
        keychain->release(); // the prompt answered after all: the secret is kept, nothing loads
        QTRY_VERIFY(m_core->active.hasSecret());
        QVERIFY(!m_window->session()->isBusy());
        QCOMPARE(model()->rowCount(), 0);
        trigger(u"loadAction"_s);
        QCOMPARE(keychain->held(), 0); // not asked again
        QTRY_COMPARE(model()->rowCount(), 50);
    }

    // Saving to a keychain that does not answer: the fields and Save hold still, Cancel
    // closes the dialog, and the secret the keychain takes in later is taken out again.
    void cancelWorksWhileTheKeychainSaves()
    {
        auto held = std::make_unique<HeldSecretStore>();
        HeldSecretStore *keychain = held.get();
        makeWindow(std::move(held));
        ProfileDialog *dialog = openDialog(u"newProfileButton"_s);
        QVERIFY(dialog);
        childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"slow"_s);
        childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(DemoApiServer::apiToken());
        auto *buttons = childOf<QDialogButtonBox>(dialog, QString());
        buttons->button(QDialogButtonBox::Save)->click();
        QCOMPARE(keychain->held(), 1);
        QVERIFY(!childOf<QLineEdit>(dialog, u"nameEdit"_s)->isEnabled());
        QVERIFY(!childOf<QPushButton>(dialog, u"testButton"_s)->isEnabled());
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isEnabled());
        QVERIFY(childOf<QLabel>(dialog, u"resultLabel"_s)->text().contains(u"Saving the secret"_s));

        buttons->button(QDialogButtonBox::Cancel)->click();
        QTRY_VERIFY(!m_window->findChild<ProfileDialog *>());
        keychain->release(); // the write lands after all
        QTRY_COMPARE(keychain->held(), 1); // and is taken back
        QVERIFY(keychain->contains(Profile::secretKey(u"slow"_s)));
        keychain->release();
        QTRY_VERIFY(!keychain->contains(Profile::secretKey(u"slow"_s)));
        QVERIFY(m_profiles->names().isEmpty());
    }

    void editKeepsTheStoredSecretAndRemoveDeletesIt()
    {
        QVERIFY(loadFirstPage());
        m_secrets->write(Profile::secretKey(u"demo"_s), DemoApiServer::apiToken(), this, [](const SecretStore::Result &) {});
        ProfileDialog *dialog = openDialog(u"editProfileButton"_s);
        QVERIFY(dialog);
        QVERIFY(childOf<QLineEdit>(dialog, u"nameEdit"_s)->isReadOnly());
        QVERIFY(childOf<QLineEdit>(dialog, u"secretEdit"_s)->text().isEmpty());
        // A test with the stored secret, not retyped.
        click(childOf<QPushButton>(dialog, u"testButton"_s));
        QTRY_VERIFY(childOf<QLabel>(dialog, u"resultLabel"_s)->text().contains(u"Active"_s, Qt::CaseInsensitive));
        childOf<AccountPicker>(dialog, u"accountPicker"_s)->setAccountId(DemoApiServer::stagingAccountId());
        childOf<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE(model()->rowCount(), 12);

        dialog = openDialog(u"editProfileButton"_s);
        QVERIFY(dialog);
        QSignalSpy removed(dialog, &ProfileDialog::removed);
        click(childOf<QPushButton>(dialog, u"removeButton"_s));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(u"confirmRemoveBox"_s)) != nullptr);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter keeps it
        click(childOf<QPushButton>(box, u"confirmRemoveButton"_s));
        QTRY_COMPARE(removed.size(), 1);
        QVERIFY(m_profiles->names().isEmpty());
        QVERIFY(!static_cast<MemorySecretStore *>(m_secrets.get())->contains(Profile::secretKey(u"demo"_s)));
        QCOMPARE(child<QComboBox>(u"profileBox"_s)->count(), 0);
        QVERIFY(child<AccountPicker>(u"accountPicker"_s)->accountId().isEmpty());
        QVERIFY(!child<QPushButton>(u"editProfileButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
