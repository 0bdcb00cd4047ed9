// A hostile web site on another loopback port, as a page the till's browser might open: one harmless-looking page whose
// script holds the attacks (simple fetches, form posts, reads, frames). Served by HttpListener over real HTTP, so the
// browser treats it as its own origin and sends Origin and Sec-Fetch-Site as it would for any other site.
using System.Globalization;
using System.Net;
using System.Text;

namespace TillSync.Browser.Tests.Harness;

/// <summary>The attacker's web server. Dispose stops it.</summary>
public sealed class AttackerSite : IDisposable
{
    private const int PortAttempts = 5;

    /// <summary>The page; the tests call <c>attack.*</c> from it. Each attack resolves to a short string saying what the
    /// page could see: <c>sent:opaque</c>, <c>blocked:TypeError</c>, <c>status:421:{body}</c>, <c>submitted</c>, <c>framed</c>.</summary>
    public const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>You have won a prize</title></head>
        <body><h1>Claim your prize</h1>
        <script>
        window.attack = {
          // A "simple" request: the browser sends it without asking the server first; the answer stays opaque.
          noCors: (url, method, contentType, body) =>
            fetch(url, { method, mode: 'no-cors', headers: contentType ? { 'Content-Type': contentType } : {}, body })
              .then(r => 'sent:' + r.type, e => 'blocked:' + e.name),
          // A request whose answer the page tries to read.
          read: (url, init) => fetch(url, init || {})
            .then(async r => 'status:' + r.status + ':' + await r.text(), e => 'blocked:' + e.name),
          // A form posted into a hidden frame: the classic cross-site request forgery.
          form: (url, enctype, name, value) => {
            const sink = document.createElement('iframe');
            sink.name = 'sink' + document.querySelectorAll('iframe').length;
            document.body.append(sink);
            const form = document.createElement('form');
            Object.assign(form, { method: 'POST', action: url, enctype, target: sink.name });
            const input = document.createElement('input');
            Object.assign(input, { name, value });
            form.append(input);
            document.body.append(form);
            form.submit();
            return 'submitted';
          },
          // The victim's page framed under the attacker's, for clickjacking.
          frame: (url) => new Promise(resolve => {
            const frame = document.createElement('iframe');
            frame.dataset.victim = url;
            frame.addEventListener('load', () => resolve('framed'), { once: true });
            frame.src = url;
            document.body.append(frame);
          }),
        };
        </script>
        </body></html>
        """;

    private readonly HttpListener listener;
    private readonly Task serving;

    private AttackerSite(HttpListener listener, Uri address)
    {
        this.listener = listener;
        Address = address;
        serving = ServeAsync();
    }

    /// <summary>The attacker's origin, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the site on a free loopback port.</summary>
    public static AttackerSite Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HqServer.FreeLoopbackPort()}/"));
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return new AttackerSite(listener, address);
            }
            catch (HttpListenerException) when (attempt < PortAttempts)
            {
                // Another process took the port between the probe and the bind: pick another one.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener's last GetContextAsync ends with an error once closed.
        }
    }

    private async Task ServeAsync()
    {
        var page = Encoding.UTF8.GetBytes(Page);
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            using var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = page.Length;
            await response.OutputStream.WriteAsync(page);
        }
    }
}
