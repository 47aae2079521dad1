// Messages of the media checks: packages checked against SHA256SUMS before they are used, and a
// package on the media that the answers leave out.
import { register } from '../index.js';

export const mediaMessages = {
  en: {
    'media.checksum.mismatch': 'the package {file} does not match its checksum in {list} (SHA-256 {actual}, listed {expected}): it is damaged or not the file that was shipped',
    'media.checksum.mismatchFix': 'do not use it: copy it again from the original CD (or get it again from the vendor), then check it with "sha256sum -c {listName}" in {dir}',
    'media.checksum.unreadable': 'the package {file} cannot be read to check it against {list}: {detail}',
    'media.checksum.unreadableFix': 'check the CD and the drive (a read error often means a damaged disc), or copy the package to a local disk and give that directory with --media',
    'media.checksum.unlisted': 'the package {file} is not listed in {list}, so it cannot be verified',
    'media.checksum.unlistedFix': 'use the package the list names (a file with another name or from another source may not be the one shipped), or get the list that covers it from the vendor and put it beside the package',
    'media.checksum.noChecksum': 'there is no checksum for the package {file}, so it cannot be verified (only {others} has a NAME.sha256 beside it, and the media has no SHA256SUMS)',
    'media.checksum.noChecksumFix': 'put the SHA-256 the vendor published for it in {name}.sha256 beside it (in {dir}), or a SHA256SUMS that lists every package in the media directory; or use the package from the original CD, which has one',
    'media.checksum.verified': 'the packages match their SHA-256 checksums in {lists}: {files}',
    'media.checksum.unverified': 'the packages on the media are not verified: no SHA256SUMS (or NAME.sha256 beside a package) was found for {files}; compare them with the checksums the vendor published before you run the plan',
    'media.dir.missing': 'the media directory {dir} does not exist (is the CD mounted?), so none of the packages can be found',
    'media.dir.missingFix': 'mount the CD (for example "mount /dev/cdrom /media/cdrom") and give the directory it is mounted on with --media, or correct the path',
    'media.dir.notDirectory': 'the media directory {dir} is not a directory, so none of the packages can be found',
    'media.dir.notDirectoryFix': 'give --media the directory the CD is mounted on (or the directory that holds the packages), not a file',
    'media.unused':
      'the media has {file} ({title}), but {reason}, so it will not be installed. If it is meant for this server, correct that answer and plan again; if it is for another server, nothing needs doing',
    'media.unusedSeveral':
      'the media has {file} ({title}), but {reason}, so none of them will be installed. If one is meant for this server, correct that answer and plan again; if they are for other servers, nothing needs doing',
    'media.several':
      'more than one file on the media is {title}: the plan uses {file}, not {others}. If another is meant, move the others out of the media directory (or give --media a directory with only that one) and plan again',
  },
  ja: {
    'media.checksum.mismatch': 'パッケージ {file} が {list} のチェックサムと一致しません (SHA-256 {actual}、記載値 {expected})。破損しているか、出荷されたファイルではありません',
    'media.checksum.mismatchFix': 'このファイルは使用しないでください。元の CD から (またはベンダーから) 取得し直し、{dir} で "sha256sum -c {listName}" を実行して確認してください',
    'media.checksum.unreadable': 'パッケージ {file} を読み取れないため、{list} と照合できません: {detail}',
    'media.checksum.unreadableFix': 'CD とドライブを確認してください (読み取りエラーはディスクの損傷であることが多いです)。または、パッケージをローカルディスクにコピーし、そのディレクトリを --media で指定してください',
    'media.checksum.unlisted': 'パッケージ {file} は {list} に記載されていないため、検証できません',
    'media.checksum.unlistedFix': 'リストに記載されているパッケージを使用してください (名前や入手元の異なるファイルは出荷されたものでない可能性があります)。またはそのファイルを含むリストをベンダーから入手し、パッケージと同じ場所に置いてください',
    'media.checksum.noChecksum': 'パッケージ {file} のチェックサムがないため、検証できません (同じ場所に NAME.sha256 があるのは {others} だけで、メディアに SHA256SUMS はありません)',
    'media.checksum.noChecksumFix': 'ベンダーが公開しているこのパッケージの SHA-256 を {name}.sha256 として同じ場所 ({dir}) に置くか、すべてのパッケージを記載した SHA256SUMS をメディアのディレクトリに置いてください。または、チェックサムのある元の CD のパッケージを使用してください',
    'media.checksum.verified': 'パッケージは {lists} の SHA-256 チェックサムと一致しています: {files}',
    'media.checksum.unverified': 'メディア上のパッケージは検証されていません: {files} に対応する SHA256SUMS (またはパッケージと同じ場所の NAME.sha256) がありません。計画を実行する前に、ベンダーが公開しているチェックサムと照合してください',
    'media.dir.missing': 'メディアのディレクトリ {dir} が存在しません (CD はマウントされていますか?)。パッケージをどれも見つけられません',
    'media.dir.missingFix': 'CD をマウントし (例: "mount /dev/cdrom /media/cdrom")、マウント先のディレクトリを --media で指定するか、パスを修正してください',
    'media.dir.notDirectory': 'メディアのディレクトリ {dir} はディレクトリではないため、パッケージをどれも見つけられません',
    'media.dir.notDirectoryFix': '--media にはファイルではなく、CD のマウント先のディレクトリ (またはパッケージのあるディレクトリ) を指定してください',
    'media.unused':
      'メディアに {file} ({title}) がありますが、{reason}ため、インストールしません。このサーバ用のものであれば回答を直して計画し直してください。別のサーバ用であれば対処は不要です',
    'media.unusedSeveral':
      'メディアに {file} ({title}) がありますが、{reason}ため、いずれもインストールしません。このサーバ用のものがあれば回答を直して計画し直してください。別のサーバ用であれば対処は不要です',
    'media.several':
      'メディアに {title} に当たるファイルが複数あります。計画では {file} を使い、{others} は使いません。別のものを使う場合は、ほかのファイルをメディアのディレクトリから移すか (またはそれだけがあるディレクトリを --media に指定して)、計画し直してください',
  },
};

register(mediaMessages);
