// Messages of the CLUSTERPRO detectors (src/detect/clusterpro*.ts): evidence shown beside a
// proposed answer. The refusals themselves are blockers of wizards/clusterpro.yaml.
import { register } from '../index.js';

export const clusterproMessages = {
  en: {
    'detect.clp.rpm': 'rpm -qi clusterpro: Version {version}, Release {release}, Summary "{summary}"',
    'detect.clp.rpmNone': 'rpm -qi clusterpro: package clusterpro is not installed',
    'detect.clp.rpmFailed': 'rpm -qi clusterpro could not run: {reason}',
    'detect.clp.why.x1': '"{summary}" is CLUSTERPRO X 1.0, which must not take this update',
    'detect.clp.why.sss': 'CLUSTERPRO X SingleServerSafe ("{summary}") must not take this update',
    'detect.clp.why.ul': 'the package names {ul}: products UL4006-xxx and UL4254-xxx must not take this update',
    'detect.clp.why.legacy': '"{summary}" is not CLUSTERPRO X (the older UL4006/UL4254 products must not take this update)',
    'detect.clp.why.notX2': '"{summary}" is not CLUSTERPRO X 2.x',
    'detect.clp.mirrors': '{file}: mirror disk resources {names}',
    'detect.clp.hybrid': '{file}: hybrid disk resources (Replicator DR)',
    'detect.clp.noMirrors': '{file}: no mirror or hybrid disk resource',
    'detect.clp.server': 'host name {host} is host {index} of the cluster\'s servers you named ({servers})',
    'detect.clp.modeUpdate': '{evidence}: installed, so an update of the running cluster (3.1.2); rolling, no-stop and downgrade are the other choices',
    'detect.clp.modeInstall': '{evidence}: so a new installation (3.1.1)',
    'detect.clp.uname': 'uname -m: {machine}',
    'detect.clp.osMachine': 'machine type {machine} (uname could not run)',
    'detect.clp.archMachine': '{rpm}; the architecture of this machine: {machine}',
  },
  ja: {
    'detect.clp.rpm': 'rpm -qi clusterpro: Version {version}, Release {release}, Summary「{summary}」',
    'detect.clp.rpmNone': 'rpm -qi clusterpro: clusterpro はインストールされていません',
    'detect.clp.rpmFailed': 'rpm -qi clusterpro を実行できません: {reason}',
    'detect.clp.why.x1': '「{summary}」は CLUSTERPRO X 1.0 です。本アップデートは適用できません',
    'detect.clp.why.sss': 'CLUSTERPRO X SingleServerSafe (「{summary}」) には本アップデートを適用できません',
    'detect.clp.why.ul': 'パッケージに {ul} とあります: UL4006-XXX, UL4254-XXX の製品には本アップデートを適用できません',
    'detect.clp.why.legacy': '「{summary}」は CLUSTERPRO X ではありません (UL4006/UL4254 の旧製品には本アップデートを適用できません)',
    'detect.clp.why.notX2': '「{summary}」は CLUSTERPRO X 2.x ではありません',
    'detect.clp.mirrors': '{file}: ミラーディスクリソース {names}',
    'detect.clp.hybrid': '{file}: ハイブリッドディスクリソース (Replicator DR)',
    'detect.clp.noMirrors': '{file}: ミラーディスク・ハイブリッドディスクリソースはありません',
    'detect.clp.server': 'ホスト名 {host} は、答えたクラスタのサーバの {index} 台目です ({servers})',
    'detect.clp.modeUpdate': '{evidence}: インストール済みのため運用中のクラスタへのアップデート (3.1.2)。ローリング・無停止・ダウングレードも選べます',
    'detect.clp.modeInstall': '{evidence}: そのため新規インストール (3.1.1)',
    'detect.clp.uname': 'uname -m: {machine}',
    'detect.clp.osMachine': 'マシンの種類 {machine} (uname を実行できません)',
    'detect.clp.archMachine': '{rpm}。このマシンのアーキテクチャ: {machine}',
  },
};

register(clusterproMessages);
