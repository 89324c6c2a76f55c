// Crash recovery: modified scenarios are written every few seconds to
// <AppDataLocation>/autosave/<document id>.json with a small <id>.meta.json (original path, name, time).
// A clean close or a save removes them; on the next start any left over are offered back.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace semitco::ui {

class ScenarioDocument;

struct AutosaveEntry {
  QString autosave_path;  ///< the scenario copy
  QString meta_path;
  QString original_path;  ///< "" for a never-saved scenario
  QString name;
  QDateTime saved_at;
};

class AutosaveStore {
 public:
  AutosaveStore();  ///< under QStandardPaths::AppDataLocation
  explicit AutosaveStore(QString dir);
  [[nodiscard]] QString dir() const { return dir_; }
  void write(const ScenarioDocument& doc) const;
  void remove(const ScenarioDocument& doc) const;
  [[nodiscard]] QList<AutosaveEntry> entries() const;
  /// Whether an entry is worth offering: newer than its original (or the original is gone / untitled).
  [[nodiscard]] static bool isNewerThanOriginal(const AutosaveEntry& e);
  static void discard(const AutosaveEntry& e);

 private:
  QString dir_;
};

}  // namespace semitco::ui
