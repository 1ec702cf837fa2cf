# Builds ScanStation-<version>.msi on a Windows build PC. It cannot run on Linux: jpackage accepts
# --type msi and the --win-* options only on Windows, and needs WiX 3.x (candle.exe, light.exe).
#
# Needs: a full JDK 17 (with jmods; e.g. Eclipse Temurin 17 x64) as JAVA_HOME, Maven 3.8+, WiX Toolset
# 3.14 on the PATH, network access to GitHub for the language data (or -Tessdata pointing at a folder
# that already holds eng.traineddata and osd.traineddata).
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1 [-Version 0.1.0] [-Tessdata C:\path\tessdata]
#
# Output: target\installer\ScanStation-<version>.msi
param(
    [string]$Version = "0.1.0",
    [string]$Tessdata = ""
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
$bin = Join-Path $env:JAVA_HOME "bin"
foreach ($tool in "jdeps", "jlink", "jpackage") {
    if (-not (Test-Path (Join-Path $bin "$tool.exe"))) { throw "$tool.exe not found in $bin: set JAVA_HOME to a full JDK 17" }
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { throw "WiX 3.x (candle.exe, light.exe) is not on the PATH" }

# 1. The shaded jar, built on Windows so it carries JavaFX's Windows natives (Tess4J carries its own
#    win32-x86-64 libtesseract and Leptonica DLLs).
mvn -B -ntp -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }
$jar = "target\scanstation.jar"
$out = "target\installer"
$work = "$out\work-msi"
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\input\tessdata" | Out-Null

# 2. Trimmed runtime: the same module list as the .deb (see installer/linux/build-deb.sh).
$detected = & "$bin\jdeps.exe" --print-module-deps --ignore-missing-deps --multi-release 17 $jar
$extra = "java.desktop,java.logging,java.naming,java.net.http,jdk.crypto.ec,jdk.crypto.mscapi,jdk.unsupported,jdk.unsupported.desktop,java.scripting,jdk.xml.dom,jdk.jsobject,jdk.charsets,jdk.localedata,jdk.zipfs,java.management"
$modules = (("$detected,$extra" -split ",") | Where-Object { $_ } | Sort-Object -Unique) -join ","
& "$bin\jlink.exe" --add-modules $modules --include-locales "en,en-GB" --strip-debug --no-header-files `
    --no-man-pages --compress=2 --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

# 3. Language data, bundled: Tesseract's official "tessdata_fast" models (Apache-2.0), the same data the
#    UB Mannheim Windows build of Tesseract installs. Pinned to tag 4.1.0 (works with Tesseract 5).
if ($Tessdata) {
    Copy-Item "$Tessdata\eng.traineddata", "$Tessdata\osd.traineddata" "$work\input\tessdata\"
} else {
    foreach ($lang in "eng", "osd") {
        Invoke-WebRequest -UseBasicParsing -OutFile "$work\input\tessdata\$lang.traineddata" `
            "https://github.com/tesseract-ocr/tessdata_fast/raw/4.1.0/$lang.traineddata"
    }
}
Copy-Item $jar "$work\input\scanstation.jar"
Copy-Item "installer\config\station.json" "$work\input\station.example.json"

# 4. The .msi: per-machine (C:\Program Files\ScanStation), Start menu entry and desktop shortcut, a fixed
#    upgrade code so a newer .msi replaces an older one, and a console launcher for the command line.
& "$bin\jpackage.exe" --type msi --dest $out `
    --name ScanStation --app-version $Version `
    --description "Scanning station for hospital health records" --vendor "ScanStation" `
    --input "$work\input" --main-jar scanstation.jar --main-class org.scanstation.Launcher `
    --runtime-image "$work\runtime" `
    --java-options '-XX:MaxRAMPercentage=50 -Dfile.encoding=UTF-8 -Dscanstation.installed=msi -Dscanstation.tessdata=$APPDIR\tessdata' `
    --add-launcher "scanstation-cli=installer\windows\scanstation-cli.properties" `
    --win-menu --win-menu-group "ScanStation" --win-shortcut `
    --win-upgrade-uuid "25122d8a-cc59-4f17-acc1-adf8bf9ed021" `
    --resource-dir "installer\windows\resources"
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem "$out\ScanStation-$Version.msi"
