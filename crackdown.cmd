@echo off
rem crackdown.cmd - run the model on Windows; the counterpart of the bash script ./crackdown.
rem In a release (crackdown-VERSION.zip) crackdown.jar lies beside this file and only a Java 17
rem runtime is needed (java on the PATH, or JAVA_HOME set). In a checkout, build the jar first with
rem "mvn -DskipTests package" (this file does not rebuild it when sources change; ./crackdown does).
setlocal EnableExtensions EnableDelayedExpansion
set "here=%~dp0"
set "jar=%here%crackdown.jar"
if not exist "%jar%" set "jar=%here%simulation\target\crackdown.jar"
if not exist "%jar%" (
  echo crackdown: crackdown.jar not found. Use the release zip, see README, Install; or in a checkout build it once with: mvn -DskipTests package 1>&2
  exit /b 2
)

set "hint=install Java 17 or newer, e.g. Eclipse Temurin from https://adoptium.net, then open a new command window"
set "java=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
rem "call" first, so that cmd /c does not strip the quotes around a java path with spaces.
set "jver="
for /f "tokens=3" %%v in ('call "%java%" -version 2^>^&1 ^| findstr /i version') do if not defined jver set "jver=%%~v"
if not defined jver (
  echo crackdown: Java was not found, no java on the PATH and no JAVA_HOME; !hint! 1>&2
  exit /b 2
)
rem "17.0.15", "21" or "1.8.0_292" (Java 8): the feature version is the first number, or the second after "1."
set "jfeature="
for /f "tokens=1,2 delims=._+-" %%a in ("%jver%") do (
  set "jfeature=%%a"
  if "%%a"=="1" set "jfeature=%%b"
)
if !jfeature! LSS 17 (
  echo crackdown: needs Java 17 or newer, but java is version !jver!; !hint! 1>&2
  exit /b 2
)

rem Garbage collector as in ./crackdown (docs/performance.md): serial for one model, parallel for
rem sweep, calibrate and optimize, none added when CRACKDOWN_JAVA_OPTS names one (-XX:+Use...GC).
set "gc=-XX:+UseSerialGC"
if /i "%~1"=="sweep" set "gc=-XX:+UseParallelGC"
if /i "%~1"=="calibrate" set "gc=-XX:+UseParallelGC"
if /i "%~1"=="optimize" set "gc=-XX:+UseParallelGC"
if defined CRACKDOWN_JAVA_OPTS (
  set "opts=!CRACKDOWN_JAVA_OPTS!"
  if not "!opts:+Use=!"=="!opts!" if not "!opts:GC=!"=="!opts!" set "gc="
)
rem Arguments may hold "!", which delayed expansion would eat.
setlocal DisableDelayedExpansion
"%java%" %gc% %CRACKDOWN_JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
