package resolvers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// jsonPOST serves POST requests with a JSON body that accept a plain JSON
// answer, as gqlgen's transport.POST does, but writes a response that is
// only data as `{"data":…}` around the executor's bytes. transport.POST
// writes every response with json.Marshal, which validates and compacts
// the already compact data twice over (~5% of the CPU of a page of
// claims). Responses with errors or extensions are marshalled as before.
// Requests asking for another media type (application/graphql-response+json)
// are left to transport.POST, registered after it.
type jsonPOST struct{}

var _ graphql.Transport = jsonPOST{}

// Supports reports whether r is a POST of JSON accepting application/json.
func (jsonPOST) Supports(r *http.Request) bool {
	if r.Method != http.MethodPost || r.Header.Get("Upgrade") != "" {
		return false
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return false
	}
	return acceptsJSON(r.Header.Get("Accept"))
}

// acceptsJSON reports whether gqlgen's POST transport would answer a
// request with this Accept header in application/json: when the header is
// empty, or names application/json, */* or application/* before
// application/graphql-response+json.
func acceptsJSON(accept string) bool {
	if accept == "" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "application/json", "*/*", "application/*":
			return true
		case "application/graphql-response+json":
			return false
		}
	}
	return false
}

// Do executes the request's operation and writes the answer, with the
// status codes of transport.POST.
func (jsonPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	w.Header().Set("Content-Type", "application/json")
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		tooLarge(w, tooBig.Limit)
		return
	}
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %+v body:%s", err, body)}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

var (
	dataOpen  = []byte(`{"data":`)
	dataClose = []byte(`}`)
)

// writeResponse writes resp as JSON: a response holding only data is
// written around its bytes; any other is marshalled.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if len(resp.Data) > 0 && len(resp.Errors) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil && len(resp.Extensions) == 0 {
		buf := make([]byte, 0, len(dataOpen)+len(resp.Data)+len(dataClose))
		buf = append(append(append(buf, dataOpen...), resp.Data...), dataClose...)
		_, _ = w.Write(buf)
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		// As transport.POST: the executor wrote data that is not JSON.
		panic(err)
	}
	_, _ = w.Write(b)
}
