# Training loss of the first 200 batches, written by compare-inits.
# Re-render with `gnuplot good-scales.gp` in this folder (reads good-scales.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'good-scales.png'
set title 'Variance-preserving: Xavier, Kaiming, orthogonal, PyTorch'."'".'s default'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:200]
plot 'good-scales.dat' using 1:2 with lines linewidth 2 title 'Xavier uniform (val. acc. 85.13%)', \
     '' using 1:3 with lines linewidth 2 title 'Kaiming uniform (tanh gain) (val. acc. 85.57%)', \
     '' using 1:4 with lines linewidth 2 title 'Orthogonal (tanh gain) (val. acc. 85.72%)', \
     '' using 1:5 with lines linewidth 2 title 'PyTorch default (val. acc. 81.22%)'
