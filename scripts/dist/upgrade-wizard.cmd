@echo off
rem upgrade-wizard from the CD (or a copy of it) on Windows: finds node.exe, then lib\launch.cjs
rem (shared with upgrade-wizard.sh) checks the Node.js version and this folder's SHA256SUMS and
rem starts the wizard. The built file is Shift_JIS (CP932) with CRLF line ends, so that cmd.exe
rem on a Japanese Windows shows the messages below.
setlocal
set "UW_NODE=%UPGRADE_WIZARD_NODE%"
if not defined UW_NODE for %%N in (node.exe) do set "UW_NODE=%%~$PATH:N"
if not defined UW_NODE goto nonode
if not exist "%UW_NODE%" goto nonode
"%UW_NODE%" "%~dp0lib\launch.cjs" %*
exit /b %ERRORLEVEL%

:nonode
rem Japanese when the console shows Japanese (code page 932), unless LANG says otherwise.
set "UW_JA="
chcp | find ": 932" >nul && set "UW_JA=1"
if defined LANG if /i not "%LANG:~0,2%"=="ja" set "UW_JA="
if defined UW_JA goto nonode_ja
echo upgrade-wizard: Node.js was not found: no node.exe on PATH. 1>&2
echo The wizard needs Node.js 20 or newer. Install it, or set UPGRADE_WIZARD_NODE to the full path of node.exe, and start again. 1>&2
exit /b 2

:nonode_ja
echo upgrade-wizard: Node.js が見つかりません。PATH に node.exe がありません。 1>&2
echo このウィザードには Node.js 20 以上が必要です。インストールするか、UPGRADE_WIZARD_NODE に node.exe のフルパスを設定して、もう一度起動してください。 1>&2
exit /b 2
