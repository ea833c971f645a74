"""Windows、Python: Key Vault VM 拡張機能がインストールした証明書から、サブジェクトに合うものを選びます。

現在有効で秘密鍵を持つ証明書のうち、最も新しいものを選びます。Python の標準ライブラリだけでは、秘密鍵の有無を含めて
Windows の証明書ストアを読めないため、list_store() は PowerShell を呼び出して一覧を取得します。
"""
import json
import subprocess
import sys
from datetime import datetime, timezone


def _norm(dn):
    parts = [p.strip() for p in dn.strip().lower().split(",")]
    return ",".join("=".join(s.strip() for s in p.split("=", 1)) for p in parts)


def select_certificate(certificates, subject, now=None):
    """このサブジェクトに完全に一致する有効な証明書のうち、NotBefore が最も新しいものを返します。なければ None を返します。"""
    now = now or datetime.now(timezone.utc)
    valid = [
        c
        for c in certificates
        if _norm(c["subject"]) == _norm(subject)
        and c.get("hasPrivateKey") is not False
        and c["notBefore"] <= now < c["notAfter"]
    ]
    valid.sort(key=lambda c: (c["notBefore"], c["notAfter"]), reverse=True)
    return valid[0] if valid else None


def list_store():
    """Cert:\\LocalMachine\\My の証明書を辞書のリストで返します (日時は UTC)。"""
    script = (
        "@(Get-ChildItem Cert:\\LocalMachine\\My | ForEach-Object { [pscustomobject]@{ "
        "subject = $_.Subject; thumbprint = $_.Thumbprint; hasPrivateKey = $_.HasPrivateKey; "
        "notBefore = $_.NotBefore.ToUniversalTime().ToString('o'); "
        "notAfter = $_.NotAfter.ToUniversalTime().ToString('o') } }) | ConvertTo-Json -Compress"
    )
    out = subprocess.run(
        ["powershell.exe", "-NoProfile", "-Command", script], capture_output=True, text=True, check=True
    ).stdout
    rows = json.loads(out or "[]")
    rows = rows if isinstance(rows, list) else [rows]
    for r in rows:
        for key in ("notBefore", "notAfter"):
            r[key] = datetime.fromisoformat(r[key].replace("Z", "+00:00")).astimezone(timezone.utc)
    return rows


if __name__ == "__main__":
    wanted = sys.argv[1] if len(sys.argv) > 1 else "CN=www.contoso.com"
    picked = select_certificate(list_store(), wanted)
    print(picked["thumbprint"] if picked else f"No valid certificate with subject {wanted}")
