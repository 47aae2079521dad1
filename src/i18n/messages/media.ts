// Messages of the media checksums: packages checked against SHA256SUMS before they are used.
import { register } from '../index.js';

export const mediaMessages = {
  en: {
    'media.checksum.mismatch': 'the package {file} does not match its checksum in {list} (SHA-256 {actual}, listed {expected}): it is damaged or not the file that was shipped',
    'media.checksum.mismatchFix': 'do not use it: copy it again from the original CD (or get it again from the vendor), then check it with "sha256sum -c {listName}" in {dir}',
    'media.checksum.unreadable': 'the package {file} cannot be read to check it against {list}: {detail}',
    'media.checksum.unreadableFix': 'check the CD and the drive (a read error often means a damaged disc), or copy the package to a local disk and give that directory with --media',
    'media.checksum.unlisted': 'the package {file} is not listed in {list}, so it cannot be verified',
    'media.checksum.unlistedFix': 'use the package the list names (a file with another name or from another source may not be the one shipped), or get the list that covers it from the vendor and put it beside the package',
    'media.checksum.verified': 'the packages match their SHA-256 checksums in {lists}: {files}',
    'media.checksum.unverified': 'the packages on the media are not verified: no SHA256SUMS (or NAME.sha256 beside a package) was found for {files}; compare them with the checksums the vendor published before you run the plan',
  },
  ja: {
    'media.checksum.mismatch': 'パッケージ {file} が {list} のチェックサムと一致しません (SHA-256 {actual}、記載値 {expected})。破損しているか、出荷されたファイルではありません',
    'media.checksum.mismatchFix': 'このファイルは使用しないでください。元の CD から (またはベンダーから) 取得し直し、{dir} で "sha256sum -c {listName}" を実行して確認してください',
    'media.checksum.unreadable': 'パッケージ {file} を読み取れないため、{list} と照合できません: {detail}',
    'media.checksum.unreadableFix': 'CD とドライブを確認してください (読み取りエラーはディスクの損傷であることが多いです)。または、パッケージをローカルディスクにコピーし、そのディレクトリを --media で指定してください',
    'media.checksum.unlisted': 'パッケージ {file} は {list} に記載されていないため、検証できません',
    'media.checksum.unlistedFix': 'リストに記載されているパッケージを使用してください (名前や入手元の異なるファイルは出荷されたものでない可能性があります)。またはそのファイルを含むリストをベンダーから入手し、パッケージと同じ場所に置いてください',
    'media.checksum.verified': 'パッケージは {lists} の SHA-256 チェックサムと一致しています: {files}',
    'media.checksum.unverified': 'メディア上のパッケージは検証されていません: {files} に対応する SHA256SUMS (またはパッケージと同じ場所の NAME.sha256) がありません。計画を実行する前に、ベンダーが公開しているチェックサムと照合してください',
  },
};

register(mediaMessages);
