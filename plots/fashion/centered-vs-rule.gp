# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot centered-vs-rule.gp` in this folder (reads centered-vs-rule.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'centered-vs-rule.png'
set title '[-0.5, 0.5) vs [-y, y)'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'centered-vs-rule.dat' using 1:2 with lines linewidth 2 title 'Centered [-0.5, 0.5) (val. acc. 81.23%)', \
     '' using 1:3 with lines linewidth 2 title 'General Rule [-y, y) (val. acc. 85.60%)'
