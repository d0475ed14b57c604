package resolvers

import (
	"context"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// subscriberBuffer is how many claims a slow subscriber may fall behind
// before further claims are dropped for it.
const subscriberBuffer = 256

// broker fans claims out to the claimAdded subscribers of this process.
type broker struct {
	mu   sync.Mutex
	subs map[chan *graph.Claim]struct{}
}

func newBroker() *broker { return &broker{subs: map[chan *graph.Claim]struct{}{}} }

// subscribe returns a channel of claims that is closed when ctx ends.
func (b *broker) subscribe(ctx context.Context) <-chan *graph.Claim {
	ch := make(chan *graph.Claim, subscriberBuffer)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		close(ch)
		b.mu.Unlock()
	}()
	return ch
}

// publish sends claims to every subscriber without blocking: a subscriber
// whose buffer is full misses them.
func (b *broker) publish(claims []*graph.Claim) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		for _, c := range claims {
			if c == nil {
				continue
			}
			select {
			case ch <- c:
			default:
			}
		}
	}
}

// ClaimAdded resolves Subscription.claimAdded.
func (r *subscriptionResolver) ClaimAdded(ctx context.Context) (<-chan *graph.Claim, error) {
	return r.broker.subscribe(ctx), nil
}
