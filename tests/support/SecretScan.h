#pragma once

#include <QByteArray>
#include <QStringList>

// Every file under `roots` (recursively, hidden ones too) that holds `needle` in plain text:
// the check that a secret never reached the disk.
QStringList filesContaining(const QByteArray &needle, const QStringList &roots);
