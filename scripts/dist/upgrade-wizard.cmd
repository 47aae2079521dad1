@echo off
rem upgrade-wizard from the CD (or a copy of it) on Windows: finds node.exe, then lib\launch.cjs
rem (shared with upgrade-wizard.sh) checks the Node.js version and this folder's SHA256SUMS and
rem starts the wizard. The built file is Shift_JIS (CP932) with CRLF line ends, so that cmd.exe
rem on a Japanese Windows shows the messages below (the same as those of upgrade-wizard.sh).
setlocal
set "UW_NODE="
if not defined UPGRADE_WIZARD_NODE goto onpath
rem A value set with quotes (set UPGRADE_WIZARD_NODE="C:\Program Files\nodejs\node.exe") keeps
rem them: taken off here. A folder passes "if exist", so it is looked for first.
set "UW_NODE=%UPGRADE_WIZARD_NODE:"=%"
if not defined UW_NODE goto badnode
if exist "%UW_NODE%\*" goto badnode
if not exist "%UW_NODE%" goto badnode
goto found

:onpath
for %%N in (node.exe) do set "UW_NODE=%%~$PATH:N"
if not defined UW_NODE goto nonode

:found
if not exist "%~dp0lib\launch.cjs" goto nolaunch
rem How to start the wizard again, for the resume and rollback commands it shows.
set "UPGRADE_WIZARD_SELF=%~f0"
"%UW_NODE%" "%~dp0lib\launch.cjs" %*
exit /b %ERRORLEVEL%

:nonode
call :language %*
if defined UW_JA goto nonode_ja
echo upgrade-wizard: Node.js was not found: no node.exe on PATH. 1>&2
echo The wizard needs Node.js 20 or newer. Install it, or set UPGRADE_WIZARD_NODE to the full path of node.exe, and start again. 1>&2
exit /b 2

:nonode_ja
echo upgrade-wizard: Node.js が見つかりません。PATH に node.exe がありません。 1>&2
echo このウィザードには Node.js 20 以上が必要です。インストールするか、UPGRADE_WIZARD_NODE に node.exe のフルパスを設定して、もう一度起動してください。 1>&2
exit /b 2

rem Paths are echoed in quotes: an & in one would otherwise end the echo and run the rest.
:badnode
call :language %*
if defined UW_JA goto badnode_ja
echo upgrade-wizard: UPGRADE_WIZARD_NODE="%UW_NODE%" is not an executable file: set it to the full path of node.exe. 1>&2
exit /b 2

:badnode_ja
echo upgrade-wizard: UPGRADE_WIZARD_NODE="%UW_NODE%" は実行できるファイルではありません。node.exe のフルパスを設定してください。 1>&2
exit /b 2

:nolaunch
call :language %*
if defined UW_JA goto nolaunch_ja
echo upgrade-wizard: "%~dp0lib\launch.cjs" is missing: the folder is incomplete, nothing was run. 1>&2
echo Copy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one). 1>&2
exit /b 2

:nolaunch_ja
echo upgrade-wizard: "%~dp0lib\launch.cjs" がありません。フォルダーが不完全なため、何も実行していません。 1>&2
echo upgrade-wizard フォルダー全体を CD からもう一度コピーしてください (これが CD そのものなら、CD が壊れています。新しい CD を入手してください)。 1>&2
exit /b 2

rem UW_JA=1 for Japanese: only where the console shows it (code page 932), unless LANG says
rem otherwise, and --lang en or --lang ja (or --lang=..., which "for" splits the same way) win.
rem The find.exe of Windows by its path: another find (Cygwin, Git) may come first on PATH.
:language
set "UW_JA="
chcp 2>nul | "%SystemRoot%\System32\find.exe" ": 932" >nul 2>nul && set "UW_JA=1"
if not defined UW_JA exit /b 0
if defined LANG if /i not "%LANG:~0,2%"=="ja" set "UW_JA="
set "UW_LANG_NEXT="
for %%A in (%*) do (
  if defined UW_LANG_NEXT if /i "%%~A"=="ja" set "UW_JA=1"
  if defined UW_LANG_NEXT if /i "%%~A"=="en" set "UW_JA="
  set "UW_LANG_NEXT="
  if /i "%%~A"=="--lang" set "UW_LANG_NEXT=1"
)
exit /b 0
