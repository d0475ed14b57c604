package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// CommandTimeout is how long Command waits for one article, as the Python
// scorers do.
const CommandTimeout = 120 * time.Second

// ExtractError is returned by an Extractor when extraction of one article
// failed; Message is what the scorers print (a command's standard error).
type ExtractError struct {
	Path    string
	Message string
}

func (e *ExtractError) Error() string { return "extract failed on " + e.Path + ": " + e.Message }

// Command returns an Extractor that runs an external command as the Python
// scorers do: the command line is split like Python's shlex.split, the
// article path is appended, and standard output must be the extraction
// JSON. A non-zero exit is an *ExtractError carrying standard error.
func Command(cmdline string) (Extractor, error) {
	argv, err := SplitCommand(cmdline)
	if err != nil {
		return nil, err
	}
	if len(argv) == 0 {
		return nil, errors.New("empty command")
	}
	return func(ctx context.Context, path string) (*graph.Extraction, error) {
		ctx, cancel := context.WithTimeout(ctx, CommandTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, argv[0], commandArgs(argv, path)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			msg := pyStrip(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, &ExtractError{Path: path, Message: msg}
		}
		x, err := DecodeExtraction(stdout.Bytes())
		if err != nil {
			return nil, &ExtractError{Path: path, Message: "bad JSON: " + err.Error()}
		}
		return x, nil
	}, nil
}

// commandArgs returns the arguments of argv's command for one article: a
// new slice each time, for the extractor runs on several goroutines and
// appending to argv[1:] would write into argv's spare capacity, shared by
// all of them.
func commandArgs(argv []string, path string) []string {
	return append(slices.Clip(argv[1:]), path)
}

// SplitCommand splits a command line as Python's shlex.split does (POSIX
// mode, no comments): white space separates words, single quotes keep
// everything, double quotes let a backslash escape only " and \, and a
// backslash outside quotes escapes any character.
func SplitCommand(s string) ([]string, error) {
	var out []string
	var word strings.Builder
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t' || r == '\r' || r == '\n':
			if inWord {
				out = append(out, word.String())
				word.Reset()
				inWord = false
			}
		case r == '\\':
			if i+1 == len(rs) {
				return nil, errors.New("no escaped character")
			}
			i++
			word.WriteRune(rs[i])
			inWord = true
		case r == '\'' || r == '"':
			inWord = true
			closed := false
			for i++; i < len(rs); i++ {
				c := rs[i]
				if c == r {
					closed = true
					break
				}
				if r == '"' && c == '\\' && i+1 < len(rs) && (rs[i+1] == '"' || rs[i+1] == '\\') {
					i++
					c = rs[i]
				}
				word.WriteRune(c)
			}
			if !closed {
				return nil, errors.New("no closing quotation")
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, word.String())
	}
	return out, nil
}

// DecodeExtraction reads extraction JSON as leniently as the Python
// scorers do: offsets may be integers, floats (truncated) or integer
// strings, and a claim that leaves out either end of a span gets an empty
// span, which scores as no span at all.
func DecodeExtraction(data []byte) (*graph.Extraction, error) {
	var raw struct {
		Article graph.Article   `json:"article"`
		Actors  []*graph.Actor  `json:"actors"`
		Sources []*graph.Source `json:"sources"`
		Claims  []*struct {
			graph.Claim
			Start        pyInt `json:"start"`
			End          pyInt `json:"end"`
			CueStart     pyInt `json:"cueStart"`
			CueEnd       pyInt `json:"cueEnd"`
			SpeakerStart pyInt `json:"speakerStart"`
			SpeakerEnd   pyInt `json:"speakerEnd"`
		} `json:"claims"`
		Edges []*graph.Edge `json:"edges"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	x := &graph.Extraction{Article: raw.Article, Actors: raw.Actors, Sources: raw.Sources, Edges: raw.Edges}
	for _, rc := range raw.Claims {
		if rc == nil {
			continue
		}
		c := rc.Claim
		if rc.Start.ok && rc.End.ok {
			c.Start, c.End = rc.Start.v, rc.End.v
		}
		if rc.CueStart.ok && rc.CueEnd.ok {
			c.CueStart, c.CueEnd = rc.CueStart.v, rc.CueEnd.v
		}
		if rc.SpeakerStart.ok && rc.SpeakerEnd.ok {
			a, b := rc.SpeakerStart.v, rc.SpeakerEnd.v
			c.SpeakerStart, c.SpeakerEnd = &a, &b
		}
		x.Claims = append(x.Claims, &c)
	}
	return x, nil
}

// pyInt is a JSON value read as Python's int() reads it; ok is false for
// null or a missing value.
type pyInt struct {
	v  int
	ok bool
}

func (p *pyInt) UnmarshalJSON(data []byte) error {
	s := string(bytes.TrimSpace(data))
	switch {
	case s == "null":
		*p = pyInt{}
		return nil
	case s == "true" || s == "false":
		*p = pyInt{v: map[bool]int{true: 1}[s == "true"], ok: true}
		return nil
	case strings.HasPrefix(s, `"`):
		var str string
		if err := json.Unmarshal(data, &str); err != nil {
			return err
		}
		v, err := strconv.Atoi(strings.ReplaceAll(pyStrip(str), "_", ""))
		if err != nil {
			return fmt.Errorf("offset %s is not an integer", s)
		}
		*p = pyInt{v: v, ok: true}
		return nil
	}
	if v, err := strconv.Atoi(s); err == nil {
		*p = pyInt{v: v, ok: true}
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("offset %s is not a number", s)
	}
	*p = pyInt{v: int(f), ok: true}
	return nil
}
