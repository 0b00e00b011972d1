#include "MachineInfo.h"

#include <QFile>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {

QString cpuModel()
{
    // readAll: /proc files claim a size of 0, so QFile::atEnd() holds at once.
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return u"unknown"_s;
}

} // namespace

QString machineInfo()
{
    return u"%1 cores (nproc), %2; Qt %3"_s.arg(QThread::idealThreadCount()).arg(cpuModel(), QString::fromLatin1(qVersion()));
}
