// Autosave files; see autosave.hpp.
#include "ui/autosave.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include "ui/scenario_document.hpp"

namespace semitco::ui {

AutosaveStore::AutosaveStore()
    : AutosaveStore(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave") {}

AutosaveStore::AutosaveStore(QString dir) : dir_(std::move(dir)) { QDir().mkpath(dir_); }

void AutosaveStore::write(const ScenarioDocument& doc) const {
  const QString base = QDir(dir_).filePath(doc.id());
  doc.writeAutosave(base + ".json");  // atomic (core::save_scenario)
  QJsonObject meta{{"original", doc.path()},
                   {"name", doc.name()},
                   {"saved_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
  QSaveFile f(base + ".meta.json");
  if (f.open(QIODevice::WriteOnly)) {
    f.write(QJsonDocument(meta).toJson());
    f.commit();
  }
}

void AutosaveStore::remove(const ScenarioDocument& doc) const {
  const QString base = QDir(dir_).filePath(doc.id());
  QFile::remove(base + ".json");
  QFile::remove(base + ".meta.json");
}

QList<AutosaveEntry> AutosaveStore::entries() const {
  QList<AutosaveEntry> out;
  for (const QFileInfo& fi : QDir(dir_).entryInfoList({"*.meta.json"}, QDir::Files, QDir::Time)) {
    QFile f(fi.absoluteFilePath());
    if (!f.open(QIODevice::ReadOnly)) continue;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    AutosaveEntry e;
    e.meta_path = fi.absoluteFilePath();
    e.autosave_path = fi.absoluteFilePath().chopped(QStringLiteral(".meta.json").size()) + ".json";
    e.original_path = o.value("original").toString();
    e.name = o.value("name").toString();
    e.saved_at = QDateTime::fromString(o.value("saved_at").toString(), Qt::ISODateWithMs);
    if (!QFileInfo::exists(e.autosave_path)) {
      QFile::remove(e.meta_path);
      continue;
    }
    out.push_back(e);
  }
  return out;
}

bool AutosaveStore::isNewerThanOriginal(const AutosaveEntry& e) {
  if (e.original_path.isEmpty() || !QFileInfo::exists(e.original_path)) return true;
  return QFileInfo(e.autosave_path).lastModified() > QFileInfo(e.original_path).lastModified();
}

void AutosaveStore::discard(const AutosaveEntry& e) {
  QFile::remove(e.autosave_path);
  QFile::remove(e.meta_path);
}

}  // namespace semitco::ui
