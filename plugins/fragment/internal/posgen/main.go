// Command posgen writes data/pos.model, the part-of-speech model the
// fragment rules tag with: the averaged-perceptron weights of
// github.com/jdkato/prose/v2 (MIT licence), taken from prose's own assets
// and laid out so that the plugin uses them straight from the binary.
// prose keeps them gzipped gob, whose decoding cost every plugin process
// a few hundred milliseconds of CPU at start.
//
//	go generate ./plugins/fragment
//
// Layout, little-endian (read by ../../model.go):
//
//	"CDPOS1"
//	u16 classes, then each: u8 length, bytes
//	u32 fixed words (prose's tag dictionary), then each: u8 length, word, u8 class
//	u32 slots (a power of two), then slots × u32: offset of a feature record + 1, or 0
//	feature records: u16 key length, key, u16 weights, then each: u8 class, i32 weight × 1000
//
// Slots are an open-addressing table over FNV-1a of the feature's key,
// probed linearly. Every weight of prose's model has three decimals; the
// generator checks that each survives the trip through thousandths
// exactly, so scores add up to the same float64 values.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"log"
	"math"
	"os"
	"sort"

	"github.com/jdkato/prose/v2"
)

func main() {
	out := "data/pos.model"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	var (
		classes []string
		tags    map[string]string
		weights map[string]map[string]float64
	)
	decode("classes", &classes)
	decode("tags", &tags)
	decode("weights", &weights)

	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	class := func(label string) int {
		if i, ok := index[label]; ok {
			return i
		}
		index[label] = len(classes)
		classes = append(classes, label)
		return index[label]
	}

	var b bytes.Buffer
	b.WriteString("CDPOS1")
	// Classes go last in the header, once every label is known.
	words := sortedKeys(tags)
	fixed := make([]int, len(words))
	for i, w := range words {
		fixed[i] = class(tags[w])
	}
	feats := sortedKeys(weights)
	for _, f := range feats {
		for _, l := range sortedKeys(weights[f]) {
			class(l)
		}
	}
	if len(classes) > 255 {
		log.Fatal("too many classes")
	}
	put16(&b, len(classes))
	for _, c := range classes {
		putString8(&b, c)
	}
	put32(&b, len(words))
	for i, w := range words {
		putString8(&b, w)
		b.WriteByte(byte(fixed[i]))
	}
	slots := 1
	for 2*slots < 3*len(feats) { // at most two thirds full
		slots *= 2
	}
	put32(&b, slots)
	table := b.Len()
	b.Write(make([]byte, 4*slots))
	var recs bytes.Buffer
	base := b.Len()
	offsets := make([]uint32, slots)
	for _, f := range feats {
		h := hash(f) & uint32(slots-1)
		for offsets[h] != 0 {
			h = (h + 1) & uint32(slots-1)
		}
		offsets[h] = uint32(base+recs.Len()) + 1
		if len(f) > math.MaxUint16 || len(weights[f]) > math.MaxUint16 {
			log.Fatalf("feature %q too large", f)
		}
		put16(&recs, len(f))
		recs.WriteString(f)
		labels := sortedKeys(weights[f])
		put16(&recs, len(labels))
		for _, l := range labels {
			w := weights[f][l]
			milli := math.Round(w * 1000)
			if milli > math.MaxInt32 || milli < math.MinInt32 || float64(int32(milli))/1000 != w {
				log.Fatalf("weight %v of %q/%q is not a whole number of thousandths", w, f, l)
			}
			recs.WriteByte(byte(index[l]))
			put32(&recs, int(uint32(int32(milli))))
		}
	}
	data := b.Bytes()
	for i, o := range offsets {
		binary.LittleEndian.PutUint32(data[table+4*i:], o)
	}
	data = append(data, recs.Bytes()...)
	if len(data) > math.MaxUint32 {
		log.Fatal("model too large")
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d classes, %d fixed words, %d features, %d slots, %d bytes\n", out, len(classes), len(words), len(feats), slots, len(data))
}

func decode(name string, dst any) {
	b, err := prose.Asset("model/AveragedPerceptron/" + name + ".gob")
	if err != nil {
		log.Fatal(err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(dst); err != nil {
		log.Fatal(err)
	}
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func put16(b *bytes.Buffer, n int) { b.Write(binary.LittleEndian.AppendUint16(nil, uint16(n))) }
func put32(b *bytes.Buffer, n int) { b.Write(binary.LittleEndian.AppendUint32(nil, uint32(n))) }

func putString8(b *bytes.Buffer, s string) {
	if len(s) > 255 {
		log.Fatalf("%q too long", s)
	}
	b.WriteByte(byte(len(s)))
	b.WriteString(s)
}
